# Find-VodMedia and Get-VodMediaInfo (API 3.0 SearchMedia and DescribeMediaInfos) against a catalogue larger
# than SearchMedia's 5,000-result window.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-ModuleUnderTest
    $script:emulator = Start-TestEmulator -ArgumentList '--library-size', '6000', '--task-waiting-ms', '50', '--task-processing-ms', '50'
    $script:v3 = @{ Endpoint = $emulator.Endpoint; Credential = $emulator.Credential; ApiVersion = 'V3'; RetryIntervalSec = 0 }
    $script:v2 = @{ Endpoint = $emulator.Endpoint; Credential = $emulator.Credential; ApiVersion = 'V2'; RetryIntervalSec = 0 }
    function Get-ActionCount([string] $Action) { @(Get-EmulatorLedger $emulator | Where-Object action -eq $Action).Count }
}

AfterAll { $script:emulator | Stop-TestEmulator }

Describe 'Find-VodMedia' {
    It 'streams all 6,000 files past the 5,000 window, each once, oldest first' {
        $before = Get-ActionCount SearchMedia
        $found = @(Find-VodMedia @v3)

        $found.Count | Should -Be 6000
        @($found.FileId | Sort-Object -Unique).Count | Should -Be 6000
        $ordered = @($found | Sort-Object CreateTime, { $_.FileId } | ForEach-Object FileId)
        ($found.FileId -join ',') | Should -BeExactly ($ordered -join ',')
        # 60 pages of 100, plus the window re-anchored by CreateTime once.
        ((Get-ActionCount SearchMedia) - $before) | Should -BeGreaterThan 60
        $found[0].PSObject.TypeNames[0] | Should -Be 'VodPowerShell.Core.Models.VodMediaInfo'
    }

    It 'makes at most one page of calls when the pipeline stops after three' {
        $before = Get-ActionCount SearchMedia
        $first = @(Find-VodMedia @v3 | Select-Object -First 3)

        $first.Count | Should -Be 3
        ((Get-ActionCount SearchMedia) - $before) | Should -Be 1
    }

    It 'passes its filters to the service' {
        $found = @(Find-VodMedia @v3 -ClassId 12 -Category Video)
        $found.Count | Should -BeGreaterThan 0
        @($found | Where-Object { $_.ClassId -ne 12 -or $_.Category -ne 'Video' }).Count | Should -Be 0
    }

    It 'finds a live stream''s recordings and names the stream, not the file' {
        $found = @(Find-VodMedia @v3 -StreamId 'stream-3')
        $found.Count | Should -BeGreaterThan 0
        @($found | Where-Object { $_.StreamId -ne 'stream-3' -or $_.SourceType -ne 'Record' }).Count | Should -Be 0
    }

    It 'finds 25 exact FileIds in three searches of at most 10, each file once' {
        $ids = @(Find-VodMedia @v3 | Select-Object -First 25 | ForEach-Object FileId)
        $before = Get-ActionCount SearchMedia
        $found = @(Find-VodMedia @v3 -FileId ($ids + $ids[0..4] + 'missing-id'))

        @($found.FileId | Sort-Object) | Should -Be @($ids | Sort-Object)
        ((Get-ActionCount SearchMedia) - $before) | Should -Be 3
    }

    It 'refuses more values than SearchMedia takes in another list, before any call' {
        $before = @(Get-EmulatorLedger $emulator).Count
        { Find-VodMedia @v3 -ClassId (1..11) -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
        @(Get-EmulatorLedger $emulator).Count | Should -Be $before
    }

    It 'binds to New-VodImageSprite by FileId' {
        $files = @(Find-VodMedia @v3 -Category Video | Select-Object -First 2)
        $results = @($files | New-VodImageSprite @v3)
        @($results.FileId) | Should -Be @($files.FileId)
        $results | ForEach-Object { $_.VodTaskId | Should -Not -BeNullOrEmpty }
    }

    It 'says that it needs API 3.0 on a v2 endpoint, and sends nothing' {
        $before = @(Get-EmulatorLedger $emulator).Count
        { Find-VodMedia @v2 -ErrorAction Stop } | Should -Throw -ErrorId 'RequiresApiV3*'
        @(Get-EmulatorLedger $emulator).Count | Should -Be $before
    }
}

Describe 'Get-VodMediaInfo' {
    It 'asks for 20 ids a call and reports the unknown ones' {
        $ids = @(Find-VodMedia @v3 | Select-Object -First 43 | ForEach-Object FileId) + 'missing-a', 'missing-b'
        $before = Get-ActionCount DescribeMediaInfos

        $infos = @($ids | Get-VodMediaInfo @v3 -ErrorVariable failures -ErrorAction SilentlyContinue)

        ((Get-ActionCount DescribeMediaInfos) - $before) | Should -Be 3
        $infos.Count | Should -Be 43
        @($infos.FileId | Sort-Object) | Should -Be @($ids[0..42] | Sort-Object)
        $infos[0].Name | Should -Not -BeNullOrEmpty
        $failures.Count | Should -Be 2
        $failures | ForEach-Object {
            $_.FullyQualifiedErrorId | Should -BeLike 'MediaNotFound,*'
            $_.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        }
        @($failures.TargetObject | Sort-Object) | Should -Be @('missing-a', 'missing-b')
    }

    It 'shows the sprites a file already has' {
        $task = Find-VodMedia @v3 -Category Video | Select-Object -First 1 | New-VodImageSprite @v3 | Wait-VodTask @v3 -PollIntervalSec 0.1 -Timeout 60
        $info = Get-VodMediaInfo @v3 -FileId $task.FileId
        $info.ImageSprites.Definition | Should -Contain 10
        ($info.ImageSprites | Where-Object Definition -eq 10).WebVttUrl | Should -Match '\.vtt$'
    }

    It 'says that it needs API 3.0 on a v2 endpoint' {
        $null = Get-VodMediaInfo @v2 -FileId 'any' -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'RequiresApiV3,*'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
        $failures[0].Exception.Message | Should -Match 'API 3\.0'
    }
}
