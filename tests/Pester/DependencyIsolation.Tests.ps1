# The module's libraries load in its own AssemblyLoadContext from dependencies/, so a session in which another
# module loaded a different version first still works. Each case runs in a fresh pwsh: load order matters.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $script:emulator = Start-TestEmulator
    $script:environment = @{
        VODPS_CHILD_MODULE   = Join-Path $env:VODPS_TEST_MODULE 'VodPowerShell.psd1'
        VODPS_CHILD_ENDPOINT = $emulator.Endpoint
        VODPS_CHILD_ID       = $emulator.SecretId
        VODPS_CHILD_KEY      = $emulator.SecretKey
        # System.Threading.RateLimiting is not part of PowerShell, so the default context would take whatever
        # version another module brought; ours is 10.0.
        VODPS_CHILD_CONFLICT = Get-NuGetPackagePath 'system.threading.ratelimiting/8.0.0/lib/net8.0/System.Threading.RateLimiting.dll'
    }

    # Loads the conflicting copy first (when asked), imports the module, submits through the rate limiter,
    # parses an event with System.Text.Json, and reports which copy of each library served whom.
    $script:child = {
        param([bool] $LoadConflictFirst)
        $script = @'
$ErrorActionPreference = 'Stop'
if ($env:VODPS_CHILD_LOAD_CONFLICT -eq '1') { Add-Type -LiteralPath $env:VODPS_CHILD_CONFLICT }
Import-Module $env:VODPS_CHILD_MODULE
$credential = [pscredential]::new($env:VODPS_CHILD_ID, (ConvertTo-SecureString $env:VODPS_CHILD_KEY -AsPlainText -Force))
$result = New-VodImageSprite -FileId 'isolated-1' -Endpoint $env:VODPS_CHILD_ENDPOINT -Credential $credential -ApiVersion V2
$event = '{"version":"4.0","eventType":"CreateImageSpriteComplete","data":{"status":0,"message":"","vodTaskId":"CreateImageSprite-1","fileId":"1","definition":10,"totalCount":1,"imageSpriteUrl":["http://x/1.png"],"webVttUrl":"http://x/x.vtt"}}' | ConvertFrom-VodEvent
# PowerShell resolves type names only in the default context, so reach the engine through an object it made.
$engine = $result.GetType().Assembly
$loaded = foreach ($assembly in [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'System.Threading.RateLimiting' }) {
    @{ Version = $assembly.GetName().Version.ToString(); Context = [Runtime.Loader.AssemblyLoadContext]::GetLoadContext($assembly).GetType().Name; Location = $assembly.Location }
}
$used = [Runtime.Loader.AssemblyLoadContext]::GetLoadContext($engine).LoadFromAssemblyName([Reflection.AssemblyName]::new('System.Threading.RateLimiting'))
@{
    Status        = [string]$result.Status
    EventType     = $event.EventType
    EngineContext = [Runtime.Loader.AssemblyLoadContext]::GetLoadContext($engine).GetType().Name
    EngineFolder  = Split-Path -Leaf (Split-Path -Parent $engine.Location)
    UsedVersion   = $used.GetName().Version.ToString()
    UsedLocation  = $used.Location
    Loaded        = @($loaded)
} | ConvertTo-Json -Compress -Depth 4
'@
        $environment.VODPS_CHILD_LOAD_CONFLICT = if ($LoadConflictFirst) { '1' } else { '0' }
        Invoke-ChildPowerShell -Script $script -Environment $environment
    }
}

AfterAll { $script:emulator | Stop-TestEmulator }

Describe 'Dependency isolation on PowerShell 7' {
    It 'has the conflicting older copy restored to load first' {
        $environment.VODPS_CHILD_CONFLICT | Should -Exist
    }

    It 'loads the engine from dependencies/ into its own load context' {
        $report = & $child $false
        $report.EngineContext | Should -Be 'DependencyLoadContext'
        $report.EngineFolder | Should -Be 'dependencies'
        $report.UsedLocation | Should -BeLike "$($env:VODPS_TEST_MODULE)*dependencies*System.Threading.RateLimiting.dll"
        $report.Status | Should -Be 'Submitted'
    }

    It 'still works when another System.Threading.RateLimiting version was loaded first' {
        $report = & $child $true

        # Both copies live side by side: 8.0 in the default context, ours in the module's.
        @($report.Loaded | Where-Object Context -EQ 'DefaultAssemblyLoadContext').Version | Should -Be '8.0.0.0'
        @($report.Loaded | Where-Object Context -EQ 'DependencyLoadContext').Version | Should -Be '10.0.0.0'
        $report.UsedVersion | Should -Be '10.0.0.0'
        $report.Status | Should -Be 'Submitted'
        $report.EventType | Should -Be 'CreateImageSpriteComplete'
    }

    It 'still works when a script loads another System.Text.Json version first' {
        # PowerShell 7.6 itself runs on System.Text.Json 10, so an older copy added first cannot displace it in
        # the default context; the module must work whichever copy the attempt leaves behind.
        $saved = $environment.VODPS_CHILD_CONFLICT
        $environment.VODPS_CHILD_CONFLICT = Get-NuGetPackagePath 'system.text.json/8.0.5/lib/net8.0/System.Text.Json.dll'
        try {
            $environment.VODPS_CHILD_CONFLICT | Should -Exist
            $report = & $child $true
        }
        finally { $environment.VODPS_CHILD_CONFLICT = $saved }

        $report.Status | Should -Be 'Submitted'
        $report.EventType | Should -Be 'CreateImageSpriteComplete'
    }

    It 'does not load a second System.Text.Json when PowerShell already has the version the engine needs' {
        $report = & $child $false
        $report.EventType | Should -Be 'CreateImageSpriteComplete'
        # No copy of ours in the module's context: the host's 10.0 serves both (see DependencyLoadContext).
        @(Invoke-ChildPowerShell -Environment $environment -Script @'
Import-Module $env:VODPS_CHILD_MODULE
$null = '{"version":"4.0","eventType":"CreateImageSpriteComplete","data":{"status":0,"message":"","vodTaskId":"CreateImageSprite-1","fileId":"1","definition":10,"totalCount":1,"imageSpriteUrl":["http://x/1.png"],"webVttUrl":"http://x/x.vtt"}}' | ConvertFrom-VodEvent
ConvertTo-Json -Compress @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'System.Text.Json' } | ForEach-Object { [Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).GetType().Name })
'@) | Should -Be @('DefaultAssemblyLoadContext')
    }
}
