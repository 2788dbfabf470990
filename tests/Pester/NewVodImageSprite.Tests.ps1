param([ValidateSet('V2', 'V3')] [string] $ApiVersion = 'V2')

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-ModuleUnderTest
    $script:emulator = Start-TestEmulator
    $script:common = @{ Endpoint = $emulator.Endpoint; Credential = $emulator.Credential; ApiVersion = $ApiVersion; RetryIntervalSec = 0 }
    function Expect([string] $Case) { Get-Expectation -ApiVersion $ApiVersion -Case $Case }
}

AfterAll { $script:emulator | Stop-TestEmulator }

Describe "New-VodImageSprite ($ApiVersion)" {
    BeforeEach { Reset-Emulator $emulator }

    It 'emits one submitted result with a task id per input, in input order' {
        $results = 'file-1', 'file-2', 'file-3' | New-VodImageSprite @common

        $results.Count | Should -Be 3
        $results.FileId | Should -Be @('file-1', 'file-2', 'file-3')
        $results.Status | Should -Be @('Submitted', 'Submitted', 'Submitted')
        $results | ForEach-Object { $_.VodTaskId | Should -Match (Expect TaskIdPattern) }
        $results.Code | Should -Be @(0, 0, 0)
        $results.Definition | Should -Be @(10, 10, 10)
        $results[0].PSObject.TypeNames[0] | Should -Be 'VodPowerShell.Core.Models.ImageSpriteResult'
    }

    It 'binds FileId and Definition by property name, as Import-Csv rows give them' {
        $csv = Join-Path $TestDrive 'files.csv'
        "FileId,Definition`nrow-1,10`nrow-2,10" | Set-Content -LiteralPath $csv

        $results = Import-Csv -LiteralPath $csv | New-VodImageSprite @common

        $results.FileId | Should -Be @('row-1', 'row-2')
        $results.Status | Should -Be @('Submitted', 'Submitted')
    }

    It 'accepts objects that call it Id' {
        $result = [pscustomobject]@{ Id = 'by-alias' } | New-VodImageSprite @common
        $result.FileId | Should -Be 'by-alias'
        $result.Status | Should -Be 'Submitted'
    }

    It 'reports a bad file as a non-terminating error and goes on with the rest' {
        $results = 'good-1', 'missing-file', 'good-2' | New-VodImageSprite @common -ErrorVariable failures -ErrorAction SilentlyContinue

        $results.Status | Should -Be @('Submitted', 'Failed', 'Submitted')
        $results[1].VodTaskId | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].TargetObject | Should -Be 'missing-file'
        Assert-ServiceFailure -Result $results[1] -ErrorRecord $failures[0] -Expected (Expect MissingFile)
    }

    It 'reports a file in the wrong state with the service''s code' {
        $result = New-VodImageSprite @common -FileId 'unready-1' -ErrorAction SilentlyContinue -ErrorVariable failures
        $result.Status | Should -Be 'Failed'
        Assert-ServiceFailure -Result $result -ErrorRecord $failures[0] -Expected (Expect FileNotReady)
    }

    It 'stops at the first failure under -ErrorAction Stop, after emitting its result' {
        $collected = [System.Collections.Generic.List[object]]::new()
        { 'good-1', 'missing-x', 'good-2' | New-VodImageSprite @common -ErrorAction Stop | ForEach-Object { $collected.Add($_) } } |
            Should -Throw -ErrorId "$((Expect MissingFile).ErrorId),VodPowerShell.Commands.NewVodImageSpriteCommand"
        $collected.FileId | Should -Be @('good-1', 'missing-x')
    }

    It 'rejects an unknown definition with the service''s code' {
        $result = New-VodImageSprite @common -FileId 'f' -Definition 11 -ErrorAction SilentlyContinue -ErrorVariable failures
        $result.Status | Should -Be 'Failed'
        Assert-ServiceFailure -Result $result -ErrorRecord $failures[0] -Expected (Expect UnknownTemplate)
        $failures.Count | Should -Be 1
        $failures[0].TargetObject | Should -Be 'f'
    }

    It 'reports a wrong SecretKey as an authentication error' {
        $wrong = [pscredential]::new($emulator.SecretId, (ConvertTo-SecureString 'not-the-key' -AsPlainText -Force))
        $result = New-VodImageSprite -Endpoint $emulator.Endpoint -ApiVersion $ApiVersion -Credential $wrong -FileId 'f' -ErrorVariable failures -ErrorAction SilentlyContinue

        Assert-ServiceFailure -Result $result -ErrorRecord $failures[0] -Expected (Expect WrongKey)
    }

    It 'signs with HmacSHA1 when asked (v2; API 3.0 ignores it)' {
        (New-VodImageSprite @common -FileId 'sha1' -SignatureMethod HmacSHA1).Status | Should -Be 'Submitted'
    }

    It 'sends nothing under -WhatIf' {
        $results = 'w-1', 'w-2' | New-VodImageSprite @common -WhatIf
        $results | Should -BeNullOrEmpty
        @(Get-EmulatorLedger $emulator).Count | Should -Be 0
    }

    It 'rejects empty and blank fileIds before sending, naming the input, and goes on' {
        $results = 'ok-1', '   ', 'ok-2' | New-VodImageSprite @common -ErrorVariable failures -ErrorAction SilentlyContinue

        $results.FileId | Should -Be @('ok-1', 'ok-2')
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError*'
        $failures[0].TargetObject | Should -Be '   '
        @(Get-EmulatorLedger $emulator).Count | Should -Be 2
    }

    It 'delivers fileIds with special characters as exactly one, unchanged parameter' {
        $fileIds = 'a&definition=99', 'x y+z%20', "line`nbreak", '视频#1', ('L' * 10240)

        $results = $fileIds | New-VodImageSprite @common

        $results.Status | Should -Be (@('Submitted') * 5)
        $results.FileId | Should -Be $fileIds
        # Requests run concurrently, so the service may see them in any order: compare as sets.
        $received = @(Get-EmulatorLedger $emulator | ForEach-Object fileId)
        $received.Count | Should -Be 5
        ($received | Sort-Object) | Should -Be ($fileIds | Sort-Object)
    }

    It 'refuses plain HTTP to a host that is not loopback, before sending anything' {
        { New-VodImageSprite -FileId 'f' -Credential $emulator.Credential -ApiVersion $ApiVersion -Endpoint 'http://vod.api.qcloud.com' } |
            Should -Throw -ErrorId 'InsecureEndpoint,VodPowerShell.Commands.NewVodImageSpriteCommand'
    }

    It 'shows requests in the debug stream with the signature redacted and never the key' {
        # -Debug would prompt in this non-interactive host; the preference is what it sets.
        $DebugPreference = 'Continue'
        $debug = New-VodImageSprite @common -FileId 'dbg' 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }
        $text = $debug.Message -join "`n"
        $text | Should -Match (Expect RedactedSecret)
        $text | Should -Not -Match ([regex]::Escape($emulator.SecretKey))
    }
}

Describe 'New-VodImageSprite input checks' {
    It 'takes whole numbers only for -Definition' -TestCases @(
        @{ Value = 10.5 }, @{ Value = 'ten' }, @{ Value = '10.0' }
    ) {
        { New-VodImageSprite -FileId 'f' -Definition $Value -WhatIf } | Should -Throw -ErrorId 'ParameterArgumentTransformationError,*'
    }

    It 'accepts a whole number given as text, as a CSV column is' {
        { New-VodImageSprite -FileId 'f' -Definition '10' -WhatIf } | Should -Not -Throw
    }
}
