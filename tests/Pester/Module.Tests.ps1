BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-ModuleUnderTest
}

Describe 'The built module' {
    It 'exports exactly the documented cmdlets and nothing else' {
        $module = Get-Module VodPowerShell
        @($module.ExportedCmdlets.Keys | Sort-Object) | Should -Be @('Confirm-VodEvent', 'ConvertFrom-VodEvent', 'Find-VodMedia', 'Get-VodCredential', 'Get-VodImageSpriteTemplate', 'Get-VodMediaInfo', 'Get-VodSpriteThumbnail', 'Get-VodTask', 'Invoke-VodApi', 'New-VodImageSprite', 'New-VodImageSpriteTemplate', 'Receive-VodEvent', 'Remove-VodCredential', 'Remove-VodImageSpriteTemplate', 'Save-VodImageSprite', 'Set-VodCredential', 'Set-VodImageSpriteTemplate', 'Wait-VodTask')
        $module.ExportedFunctions.Count | Should -Be 0
        $module.ExportedAliases.Count | Should -Be 0
        $module.ExportedVariables.Count | Should -Be 0
    }

    It 'loads the folder of the running edition from a manifest without statements' {
        # A manifest with statements (an if) is compiled at every import; a string that reads $PSEdition is not.
        $manifest = Join-Path $env:VODPS_TEST_MODULE 'VodPowerShell.psd1'
        $ast = [System.Management.Automation.Language.Parser]::ParseFile($manifest, [ref]$null, [ref]$null)
        $language = 'System.Management.Automation.Language'
        $statements = $ast.FindAll({ param($node) $node.GetType().FullName -in "$language.IfStatementAst", "$language.SwitchStatementAst", "$language.AssignmentStatementAst" -or $node -is [System.Management.Automation.Language.LoopStatementAst] }, $true)
        @($statements).Count | Should -Be 0
        (Get-Module VodPowerShell).Path | Should -Be (Join-Path $env:VODPS_TEST_MODULE "$PSEdition/VodPowerShell.dll")
    }

    It 'carries the version of Directory.Build.props' {
        $props = [xml](Get-Content -Raw (Join-Path $PSScriptRoot '../../Directory.Build.props'))
        # The first property group holds it; the second one is the net8.0 build's.
        (Get-Module VodPowerShell).Version.ToString() | Should -Be ([string]$props.Project.PropertyGroup[0].VersionPrefix)
    }

    It 'ships a table view for the results' {
        $view = Get-FormatData -TypeName 'VodPowerShell.Core.Models.ImageSpriteResult'
        $view | Should -Not -BeNullOrEmpty
        $view.FormatViewDefinition[0].Control.GetType().Name | Should -Be 'TableControl'
    }

    It 'has a table that fits 120 columns and a list view for <_>' -ForEach @(
        'VodPowerShell.Core.Models.ImageSpriteResult', 'VodPowerShell.Core.Models.VodTask', 'VodPowerShell.Core.Models.VodEvent', 'VodPowerShell.Commands.VodCredentialInfo') {
        $views = @((Get-FormatData -TypeName $_).FormatViewDefinition)
        $table = $views | Where-Object { $_.Control -is [System.Management.Automation.TableControl] }
        $views | Where-Object { $_.Control -is [System.Management.Automation.ListControl] } | Should -Not -BeNullOrEmpty
        $fixed = $table.Control.Headers | Where-Object Width -GT 0
        # Fixed columns plus one space between columns leave at least 10 for the last, free-width one.
        ($fixed | Measure-Object Width -Sum).Sum + $table.Control.Headers.Count | Should -BeLessOrEqual 110
    }

    It 'shows the whole task id of a result in a 120-column table' {
        $result = New-VodImageSprite -FileId 'f' -WhatIf
        $taskId = 'CreateImageSprite-' + ('a' * 32)
        $row = [pscustomobject]@{ PSTypeName = 'VodPowerShell.Core.Models.ImageSpriteResult'; FileId = '5285485487985271487'; Definition = 10; Status = 'Submitted'; VodTaskId = $taskId; Code = 0; Message = 'OK' }
        $result | Should -BeNullOrEmpty
        ($row | Format-Table | Out-String -Width 120) | Should -Match ([regex]::Escape($taskId))
    }

    It 'lists every public type of the <_> cmdlet assembly without the engine' -ForEach 'Core', 'Desktop' {
        # PowerShell lists the root assembly's public types before the module initializer there can hook the
        # engine's loading: a type that needed VodPowerShell.Core then (a field of one of its enums) would make
        # the import lose cmdlets. Here the assembly sits alone in a folder, so the engine cannot be found.
        $alone = Join-Path ([IO.Path]::GetTempPath()) "vodps-alone-$([guid]::NewGuid().ToString('N'))"
        $null = New-Item -ItemType Directory -Path $alone
        Copy-Item (Join-Path $env:VODPS_TEST_MODULE "$_/VodPowerShell.dll") $alone
        try {
            $report = Invoke-ChildPowerShell -Environment @{ VODPS_CHILD_ASSEMBLY = Join-Path $alone 'VodPowerShell.dll' } -Script @'
$stream = [IO.File]::OpenRead($env:VODPS_CHILD_ASSEMBLY)
$reader = [Reflection.Metadata.PEReaderExtensions]::GetMetadataReader([Reflection.PortableExecutable.PEReader]::new($stream))
$public = foreach ($handle in $reader.TypeDefinitions) {
    $type = $reader.GetTypeDefinition($handle)
    if (($type.Attributes -band [Reflection.TypeAttributes]::VisibilityMask) -eq [Reflection.TypeAttributes]::Public) { '{0}.{1}' -f $reader.GetString($type.Namespace), $reader.GetString($type.Name) }
}
$assembly = [Reflection.Assembly]::LoadFile($env:VODPS_CHILD_ASSEMBLY)
$failed = foreach ($name in $public) { try { $null = $assembly.GetType($name, $true) } catch { $name } }
$engine = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'VodPowerShell.Core' }).Count
@{ Public = @($public); Failed = @($failed); EngineLoaded = $engine } | ConvertTo-Json -Compress
'@
        }
        finally { Remove-Item -LiteralPath $alone -Recurse -Force }
        $report.Public | Should -Contain 'VodPowerShell.Commands.NewVodImageSpriteCommand'
        $report.Public | Should -Contain 'VodPowerShell.Loading.ModuleInitializer'
        @($report.Failed) | Should -BeNullOrEmpty
        $report.EngineLoaded | Should -Be 0
    }

    It 'loads nothing of the engine at import' {
        $loaded = Invoke-ChildPowerShell -Environment @{ VODPS_CHILD_MODULE = Join-Path $env:VODPS_TEST_MODULE 'VodPowerShell.psd1' } -Script @'
$before = [AppDomain]::CurrentDomain.GetAssemblies()
Import-Module $env:VODPS_CHILD_MODULE
ConvertTo-Json -Compress @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_ -notin $before } | ForEach-Object { $_.GetName().Name })
'@
        @($loaded) | Should -Be @('VodPowerShell')
    }

    It 'does not ship System.Management.Automation' {
        Join-Path $env:VODPS_TEST_MODULE 'System.Management.Automation.dll' | Should -Not -Exist
    }
}
