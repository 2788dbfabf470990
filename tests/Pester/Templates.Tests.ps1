# Get/New/Set/Remove-VodImageSpriteTemplate (API 3.0 template actions) against the emulator: a round trip, the
# local rules that keep invalid templates from the service, -WhatIf, and a new template used for capture.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-ModuleUnderTest
    $script:emulator = Start-TestEmulator -ArgumentList '--task-waiting-ms', '50', '--task-processing-ms', '50'
    $script:v3 = @{ Endpoint = $emulator.Endpoint; Credential = $emulator.Credential; ApiVersion = 'V3'; RetryIntervalSec = 0 }
    $script:v2 = @{ Endpoint = $emulator.Endpoint; Credential = $emulator.Credential; ApiVersion = 'V2'; RetryIntervalSec = 0 }
    $script:valid = @{ Name = 'pester'; RowCount = 4; ColumnCount = 5; SampleType = 'Time'; SampleInterval = 5; Width = 256; Height = 144 }
    function Get-RequestCount { @(Get-EmulatorLedger $emulator).Count }
    function Remove-CustomTemplate { Get-VodImageSpriteTemplate @v3 -Type Custom | Remove-VodImageSpriteTemplate @v3 -Force }
}

AfterAll { $script:emulator | Stop-TestEmulator }

Describe 'Sprite templates' {
    AfterEach { Remove-CustomTemplate }

    It 'lists the presets' {
        $presets = @(Get-VodImageSpriteTemplate @v3 -Type Preset)
        $presets.Count | Should -BeGreaterThan 0
        $presets.Definition | Should -Contain 10
        @($presets | Where-Object Type -ne 'Preset').Count | Should -Be 0
        $presets[0].PSObject.TypeNames[0] | Should -Be 'VodPowerShell.Core.Models.ImageSpriteTemplate'
    }

    It 'creates, gets, changes and removes a template' {
        $created = New-VodImageSpriteTemplate @v3 @valid -Format png -Comment 'round trip'
        $created.Definition | Should -BeGreaterThan 0
        ($created.Type, $created.Name, $created.RowCount, $created.ColumnCount, $created.Width, $created.Format) | Should -Be @('Custom', 'pester', 4, 5, 256, 'png')

        $got = Get-VodImageSpriteTemplate @v3 -Definition $created.Definition
        ($got.Name, $got.Comment, $got.SampleInterval) | Should -Be @('pester', 'round trip', 5)

        $changed = $got | Set-VodImageSpriteTemplate @v3 -Name 'renamed' -SampleInterval 7 -PassThru
        ($changed.Definition, $changed.Name, $changed.SampleInterval, $changed.Format) | Should -Be @($created.Definition, 'renamed', 7, 'png')

        Remove-VodImageSpriteTemplate @v3 -Definition $created.Definition -Force
        @(Get-VodImageSpriteTemplate @v3 -Definition $created.Definition).Count | Should -Be 0
    }

    It 'rejects <Field> = <Value> locally, explaining the rule, and sends nothing' -ForEach @(
        @{ Field = 'Width'; Value = 100; Text = '*128 to 4096*' }
        @{ Field = 'Height'; Value = 5000; Text = '*128 to 4096*' }
        @{ Field = 'ColumnCount'; Value = 60; Text = '*15360 px wide*at most 15000 px*' }
        @{ Field = 'RowCount'; Value = 105; Text = '*15120 px high*at most 15000 px*' }
        @{ Field = 'SampleType'; Value = 'Frames'; Text = '*Percent*Time*' }
        @{ Field = 'Format'; Value = 'gif'; Text = '*jpg, png or webp*' }
        @{ Field = 'FillType'; Value = 'white'; Text = '*stretch*black*' }
        @{ Field = 'ResolutionAdaptive'; Value = 'yes'; Text = '*open*close*' }
    ) {
        $before = Get-RequestCount
        $template = $valid.Clone()
        $template[$Field] = $Value

        New-VodImageSpriteTemplate @v3 @template -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'InvalidTemplate,*'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $problems[0].TargetObject | Should -Be $Value
        $problems[0].Exception.Message | Should -BeLike $Text
        (Get-RequestCount) | Should -Be $before
    }

    It 'checks a change locally too' {
        $before = Get-RequestCount
        { Set-VodImageSpriteTemplate @v3 -Definition 10 -Format bmp -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidTemplate*'
        (Get-RequestCount) | Should -Be $before
    }

    It 'leaves the 16-template limit to the service and passes its error on' {
        $made = 0
        $failure = $null
        foreach ($i in 1..20) {
            $result = New-VodImageSpriteTemplate @v3 @valid -ErrorVariable failure -ErrorAction SilentlyContinue
            if ($failure) { break }
            if ($result) { $made++ }
        }

        $made | Should -Be 16
        $failure[0].Exception.Message | Should -BeLike '*16*'
    }

    It 'sends nothing with -WhatIf' {
        $existing = New-VodImageSpriteTemplate @v3 @valid
        $before = Get-RequestCount

        New-VodImageSpriteTemplate @v3 @valid -WhatIf
        Set-VodImageSpriteTemplate @v3 -Definition $existing.Definition -Name 'x' -WhatIf
        Remove-VodImageSpriteTemplate @v3 -Definition $existing.Definition -WhatIf
        Remove-VodImageSpriteTemplate @v3 -Definition $existing.Definition -Force -WhatIf

        (Get-RequestCount) | Should -Be $before
        (Get-VodImageSpriteTemplate @v3 -Definition $existing.Definition).Name | Should -Be 'pester'
    }

    It 'passes on the service refusing to delete a preset' {
        Remove-VodImageSpriteTemplate @v3 -Definition 10 -Force -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems.Count | Should -Be 1
        $problems[0].Exception.Message | Should -BeLike '*preset*'
        (Get-VodImageSpriteTemplate @v3 -Definition 10).Definition | Should -Be 10
    }

    It 'makes a template New-VodImageSprite can capture with' {
        $template = New-VodImageSpriteTemplate @v3 @valid
        $file = Find-VodMedia @v3 -Category Video | Select-Object -First 1

        $result = $file | New-VodImageSprite @v3 -Definition $template.Definition

        $result.VodTaskId | Should -Not -BeNullOrEmpty
        $result.Definition | Should -Be $template.Definition
    }

    It 'completes -Definition with the account''s templates, and with the presets when offline' {
        $template = New-VodImageSpriteTemplate @v3 @valid
        $global:VodTemplateTestCredential = $emulator.Credential
        try {
            $line = "New-VodImageSprite -Endpoint $($emulator.Endpoint) -ApiVersion V3 -Credential `$VodTemplateTestCredential -Definition "
            $online = @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText)
            $offlineLine = "New-VodImageSprite -Endpoint http://127.0.0.1:9/ -ApiVersion V3 -Credential `$VodTemplateTestCredential -Definition "
            $offline = @((TabExpansion2 -inputScript $offlineLine -cursorColumn $offlineLine.Length).CompletionMatches.CompletionText)
        }
        finally {
            Remove-Variable -Name VodTemplateTestCredential -Scope Global
        }

        $online | Should -Contain ([string]$template.Definition)
        $online | Should -Contain '10'
        $offline | Should -Contain '10'
        $offline | Should -Not -Contain ([string]$template.Definition)
    }

    It 'says that it needs API 3.0 on a v2 endpoint, and sends nothing' {
        $before = Get-RequestCount
        { Get-VodImageSpriteTemplate @v2 -ErrorAction Stop } | Should -Throw -ErrorId 'RequiresApiV3*'
        { New-VodImageSpriteTemplate @v2 @valid -ErrorAction Stop } | Should -Throw -ErrorId 'RequiresApiV3*'
        (Get-RequestCount) | Should -Be $before
    }
}
