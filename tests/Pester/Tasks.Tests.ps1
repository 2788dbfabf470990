param([ValidateSet('V2', 'V3')] [string] $ApiVersion = 'V2')

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-ModuleUnderTest
    $script:emulator = Start-TestEmulator -ArgumentList '--task-waiting-ms', '100', '--task-processing-ms', '200'
    $script:common = @{ Endpoint = $emulator.Endpoint; Credential = $emulator.Credential; ApiVersion = $ApiVersion; RetryIntervalSec = 0 }
}

AfterAll { $script:emulator | Stop-TestEmulator }

Describe "Following tasks to the finished sprites ($ApiVersion)" {
    It 'waits for every submitted task and emits it finished, with its sprites' {
        $tasks = 'wait-1', 'wait-2' | New-VodImageSprite @common | Wait-VodTask @common -PollIntervalSec 0.1 -Timeout 60

        @($tasks).Count | Should -Be 2
        ($tasks.FileId | Sort-Object) | Should -Be @('wait-1', 'wait-2')
        foreach ($task in $tasks) {
            $task.Status | Should -Be 'Finish'
            $task.Succeeded | Should -BeTrue
            $task.TotalCount | Should -BeGreaterThan 0
            $task.ImageSpriteUrls.Count | Should -Be ([Math]::Ceiling($task.TotalCount / 100))
            $task.WebVttUrl | Should -Match '\.vtt$'
            $task.Definition | Should -Be 10
        }
    }

    It 'shows a task that has just been created as not finished yet' {
        $submitted = New-VodImageSprite @common -FileId 'fresh'
        $task = Get-VodTask @common -VodTaskId $submitted.VodTaskId
        $task.TaskId | Should -Be $submitted.VodTaskId
        $task.Status | Should -BeIn @('Waiting', 'Processing')
        $task.Succeeded | Should -BeNullOrEmpty
    }

    It 'skips failed submissions quietly instead of reporting them twice' {
        $tasks = 'missing-1' | New-VodImageSprite @common -ErrorAction SilentlyContinue -ErrorVariable submitErrors |
            Wait-VodTask @common -PollIntervalSec 0.1 -Timeout 10 -ErrorVariable waitErrors
        $tasks | Should -BeNullOrEmpty
        $waitErrors.Count | Should -Be 0
        # The submission reports its own failure, once.
        $submitErrors.Count | Should -Be 1
        $submitErrors[0].FullyQualifiedErrorId | Should -BeLike "$((Get-Expectation -ApiVersion $ApiVersion -Case MissingFile).ErrorId),*"
        $submitErrors[0].TargetObject | Should -Be 'missing-1'
        $submitErrors[0].ErrorDetails.RecommendedAction | Should -BeLike 'Correct the input*' -Because 'every error has advice, on both API versions'
    }

    It 'reports an unknown task id as not found' {
        $expected = Get-Expectation -ApiVersion $ApiVersion -Case UnknownTask
        $task = Get-VodTask @common -VodTaskId 'CreateImageSprite-00000000000000000000000000000000' -ErrorVariable failures -ErrorAction SilentlyContinue
        $task | Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -BeLike "$($expected.ErrorId),*"
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be 'CreateImageSprite-00000000000000000000000000000000'
    }

    It 'lists finished tasks of a file' {
        $done = New-VodImageSprite @common -FileId 'listed' | Wait-VodTask @common -PollIntervalSec 0.1 -Timeout 60
        $listed = @(Get-VodTask @common -Status Finish -FileId 'listed')
        $listed.TaskId | Should -Contain $done.TaskId
    }
}

Describe "Tasks that fail or take too long ($ApiVersion)" {
    BeforeAll {
        $script:failing = Start-TestEmulator -ArgumentList '--task-waiting-ms', '50', '--task-processing-ms', '50', '--task-failure-rate', '1'
        $script:slow = Start-TestEmulator -ArgumentList '--task-waiting-ms', '600000'
    }

    AfterAll { $failing, $slow | Stop-TestEmulator }

    It 'emits a failed task and writes a TaskFailed error with its code' {
        $on = @{ Endpoint = $failing.Endpoint; Credential = $failing.Credential; ApiVersion = $ApiVersion }
        $task = New-VodImageSprite @on -FileId 'doomed' | Wait-VodTask @on -PollIntervalSec 0.1 -Timeout 60 -ErrorVariable failures -ErrorAction SilentlyContinue

        $task.Status | Should -Be 'Finish'
        $task.Succeeded | Should -BeFalse
        $task.ErrorCode | Should -BeLessThan 0
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'TaskFailed,*'
        $failures[0].TargetObject | Should -Be $task.TaskId
        # A task's code is a media-processing code: its advice comes from the task catalogue, not the service's.
        $failures[0].ErrorDetails.RecommendedAction | Should -BeLike '*source file could not be decoded*'
    }

    It 'gives up at -Timeout, emitting the last state and a WaitTimeout error' {
        $on = @{ Endpoint = $slow.Endpoint; Credential = $slow.Credential; ApiVersion = $ApiVersion }
        $task = New-VodImageSprite @on -FileId 'forever' | Wait-VodTask @on -PollIntervalSec 0.2 -Timeout 1 -ErrorVariable failures -ErrorAction SilentlyContinue

        $task.Status | Should -Be 'Waiting'
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'WaitTimeout,*'
        $failures[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
    }
}

Describe "New-VodImageSprite -Wait ($ApiVersion)" {
    BeforeAll {
        $script:waiting = Start-TestEmulator -ArgumentList '--task-waiting-ms', '50', '--task-processing-ms', '100'
        $script:on = @{ Endpoint = $waiting.Endpoint; Credential = $waiting.Credential; ApiVersion = $ApiVersion; RetryIntervalSec = 0 }
    }
    AfterAll { $waiting | Stop-TestEmulator }

    It 'emits each result once its task has finished, with the sprites, and failures at once' {
        $results = 'chained-1', 'missing-chained', 'chained-2' | New-VodImageSprite @on -Wait -PollIntervalSec 0.1 -WaitTimeoutSec 60 -ErrorVariable failures -ErrorAction SilentlyContinue

        @($results).Count | Should -Be 3
        $failures.Count | Should -Be 1
        $done = @($results | Where-Object Status -EQ 'Submitted')
        $done.Count | Should -Be 2
        foreach ($result in $done) {
            $result.TaskStatus | Should -Be 'Finish'
            $result.TaskErrorCode | Should -Be 0
            $result.TotalCount | Should -BeGreaterThan 0
            $result.ImageSpriteUrls.Count | Should -BeGreaterThan 0
            $result.WebVttUrl | Should -Match '\.vtt$'
        }
    }
}
