BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-ModuleUnderTest
    $script:savedEnvironment = @{}
    foreach ($name in 'TENCENTCLOUD_SECRET_ID', 'TENCENTCLOUD_SECRET_KEY', 'TENCENTCLOUD_TOKEN', 'TENCENTCLOUD_SECURITY_TOKEN', 'TENCENTCLOUD_REGION') {
        $script:savedEnvironment[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $null)
    }
}

AfterAll {
    foreach ($pair in $script:savedEnvironment.GetEnumerator()) { [Environment]::SetEnvironmentVariable($pair.Key, $pair.Value) }
}

Describe 'Session credentials' {
    AfterEach { Remove-VodCredential }

    It 'shows only a masked SecretId, never the key' {
        $key = ConvertTo-SecureString 'super-secret-key-value' -AsPlainText -Force
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
}
