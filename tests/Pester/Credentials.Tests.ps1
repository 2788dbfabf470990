BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-ModuleUnderTest
    $script:savedEnvironment = Use-IsolatedCredentialSources -Directory $TestDrive
    $script:key = ConvertTo-SecureString 'super-secret-key-value' -AsPlainText -Force
}

AfterAll { Restore-Environment $script:savedEnvironment }

Describe 'Session credentials' {
    AfterEach { Remove-VodCredential }

    It 'shows only a masked SecretId, never the key' {
        $info = Set-VodCredential -SecretId 'AKIDabcdefghijklmnop1234' -SecretKey $key -Region gz -PassThru

        $info.SecretId | Should -Be 'AKID****************1234'
        $info.Source | Should -Be 'Session'
        ($info | Format-List * | Out-String) | Should -Not -Match 'super-secret-key-value'
        (Get-VodCredential).SecretId | Should -Be 'AKID****************1234'
    }

    It 'accepts a PSCredential whose user name is the SecretId' {
        $credential = [pscredential]::new('AKIDfromPSCredential0001', (ConvertTo-SecureString 'k' -AsPlainText -Force))
        Set-VodCredential -Credential $credential
        (Get-VodCredential).SecretId | Should -Be 'AKID****************0001'
    }

    It 'falls back to the environment variables of Tencent tools' {
        $env:TENCENTCLOUD_SECRET_ID = 'AKIDenvironment000000009'
        $env:TENCENTCLOUD_SECRET_KEY = 'env-key'
        try {
            $info = Get-VodCredential
            $info.Source | Should -Be 'Environment'
            $info.SecretId | Should -Be 'AKID****************0009'
        }
        finally {
            $env:TENCENTCLOUD_SECRET_ID = $null
            $env:TENCENTCLOUD_SECRET_KEY = $null
        }
    }

    It 'keeps each runspace''s credential to itself' {
        Set-VodCredential -SecretId 'AKIDrunspaceOne000000001' -SecretKey (ConvertTo-SecureString 'k' -AsPlainText -Force)
        $other = [powershell]::Create()
        try {
            $null = $other.AddScript("Import-Module '$env:VODPS_TEST_MODULE/VodPowerShell.psd1'; Get-VodCredential")
            $seen = $other.Invoke()
            $seen.Count | Should -Be 0
        }
        finally { $other.Dispose() }
        (Get-VodCredential).SecretId | Should -Be 'AKID****************0001'
    }

    It 'fails with a clear, terminating NoCredential error when nothing is configured' {
        { New-VodImageSprite -FileId 'x' -Endpoint 'http://127.0.0.1:9' } |
            Should -Throw -ErrorId 'NoCredential,VodPowerShell.Commands.NewVodImageSpriteCommand' -ExpectedMessage '*Set-VodCredential*'
    }

    It 'says which source won under -Verbose, and nothing secret' {
        Set-VodCredential -SecretId 'AKIDverbose0000000000077' -SecretKey $key
        $verbose = New-VodImageSprite -FileId 'x' -Endpoint 'http://127.0.0.1:9' -MaximumRetryCount 0 -ErrorAction SilentlyContinue -ErrorVariable failures -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -Match 'AKID\*+0077 from Session'
        # Nothing listens on port 9: the one expected error is the refused connection.
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ConnectionFailed,*'
        $failures[0].CategoryInfo.Category | Should -Be 'ConnectionError'
        $failures[0].TargetObject | Should -Be 'x'
        ($verbose.Message -join "`n") | Should -Not -Match 'super-secret-key-value'
    }
}

Describe 'Persisted profiles' {
    AfterEach {
        Get-VodCredential -ListAvailable | Remove-VodCredential -Confirm:$false
        Remove-VodCredential
    }

    It 'saves a profile to an owner-only file without the key in clear text, and makes the first one the default' {
        Set-VodCredential -SecretId 'AKIDpersisted00000000001' -SecretKey $key -Scope Persist -ProfileName work -Region ap-guangzhou -ApiVersion V3

        $profiles = @(Get-VodCredential -ListAvailable)
        $profiles.Count | Should -Be 1
        $profiles[0].ProfileName | Should -Be 'work'
        $profiles[0].IsDefault | Should -BeTrue
        $profiles[0].ApiVersion | Should -Be 'V3'
        $profiles[0].SecretId | Should -Be 'AKID****************0001'

        $file = $env:VODPOWERSHELL_PROFILE_PATH
        Get-Content -Raw $file | Should -Not -Match 'super-secret-key-value'
        if (-not $IsWindows) { [int](Get-Item $file).UnixFileMode | Should -Be ([int][System.IO.UnixFileMode]'UserRead, UserWrite') }
    }

    It 'resolves a named profile over the session default, and the session default over the stored default' {
        Set-VodCredential -SecretId 'AKIDstoredDefault0000001' -SecretKey $key -Scope Persist -ProfileName first
        Set-VodCredential -SecretId 'AKIDstoredSecond00000002' -SecretKey $key -Scope Persist -ProfileName second
        (Get-VodCredential).Source | Should -Be 'Profile:first'

        Set-VodCredential -SecretId 'AKIDsessionWins000000003' -SecretKey $key
        (Get-VodCredential).Source | Should -Be 'Session'
        (Get-VodCredential -ProfileName second).SecretId | Should -Be 'AKID****************0002'
    }

    It 'refuses a profile file that others can read, with the fix in the message' -Skip:$IsWindows {
        Set-VodCredential -SecretId 'AKIDinsecure000000000001' -SecretKey $key -Scope Persist -ProfileName loose
        chmod 644 $env:VODPOWERSHELL_PROFILE_PATH
        try {
            { Get-VodCredential -ListAvailable } | Should -Throw -ErrorId 'ProfileFileInsecure,*' -ExpectedMessage '*chmod 600*'
        }
        finally { chmod 600 $env:VODPOWERSHELL_PROFILE_PATH }
    }

    It 'reports an unknown profile name as ProfileNotFound, without falling back' {
        Set-VodCredential -SecretId 'AKIDsession0000000000004' -SecretKey $key
        { New-VodImageSprite -FileId 'x' -ProfileName 'nope' -Endpoint 'http://127.0.0.1:9' } |
            Should -Throw -ErrorId 'ProfileNotFound,VodPowerShell.Commands.NewVodImageSpriteCommand'
    }

    It 'deletes a profile and reports a missing one as a non-terminating error' {
        Set-VodCredential -SecretId 'AKIDtoDelete000000000001' -SecretKey $key -Scope Persist -ProfileName gone
        Remove-VodCredential -ProfileName gone -Confirm:$false
        @(Get-VodCredential -ListAvailable).Count | Should -Be 0

        Remove-VodCredential -ProfileName gone -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ProfileNotFound,*'
    }

    It 'reads the shared credentials file of Tencent''s SDKs last' {
        $dir = Join-Path $env:HOME '.tencentcloud'
        $null = New-Item -ItemType Directory -Force $dir
        "[default]`nsecret_id = AKIDsharedFile0000000005`nsecret_key = shared-key`n" | Set-Content (Join-Path $dir 'credentials')
        try {
            (Get-VodCredential).Source | Should -BeLike 'SharedFile:*'
            (Get-VodCredential).SecretId | Should -Be 'AKID****************0005'
        }
        finally { Remove-Item -Recurse -Force $dir }
    }
}

Describe 'Tab completion' {
    It 'completes profile names' {
        Set-VodCredential -SecretId 'AKIDcompletion0000000001' -SecretKey $key -Scope Persist -ProfileName 'alpha-profile'
        try {
            $line = 'New-VodImageSprite -ProfileName alp'
            $completions = TabExpansion2 -inputScript $line -cursorColumn $line.Length
            $completions.CompletionMatches.CompletionText | Should -Contain 'alpha-profile'
        }
        finally { Remove-VodCredential -ProfileName 'alpha-profile' -Confirm:$false }
    }

    It 'completes -Definition with the template and what it produces' {
        # A closed loopback port: whatever credential the session resolves, the completer must not reach the internet.
        $line = 'New-VodImageSprite -Endpoint http://127.0.0.1:9/ -Definition '
        $completions = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $completions.CompletionMatches[0].CompletionText | Should -Be '10'
        $completions.CompletionMatches[0].ToolTip | Should -Match '142x80'
    }

    It 'completes -Region in both naming styles' {
        $line = 'Set-VodCredential -Region ap-gu'
        $completions = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $completions.CompletionMatches.CompletionText | Should -Contain 'ap-guangzhou'
    }
}
