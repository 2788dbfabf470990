# Every exported cmdlet has full help generated from docs/en-US, and the help matches the real parameters.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-ModuleUnderTest
    $script:cmdlets = @((Get-Module VodPowerShell).ExportedCmdlets.Keys | Sort-Object | ForEach-Object { @{ Name = $_ } })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-ModuleUnderTest
    $script:common = [System.Management.Automation.PSCmdlet]::CommonParameters + 'UseTransaction'
    function Get-RealParameter([string] $Name) {
        (Get-Command $Name).Parameters.Values | Where-Object {
            $_.Name -notin $common -and -not ($_.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow })
        } | ForEach-Object Name
    }
}

Describe 'Help for <Name>' -ForEach $cmdlets {
    BeforeAll { $script:help = Get-Help $Name -Full }

    It 'comes from the generated MAML, with a synopsis and a description' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -BeLike "*$Name*[<CommonParameters>]*"
        ($help.description.Text -join ' ') | Should -Not -BeNullOrEmpty
    }

    It 'has at least two examples with code and remarks' {
        @($help.examples.example).Count | Should -BeGreaterOrEqual 2
        foreach ($example in $help.examples.example) {
            $example.code | Should -Not -BeNullOrEmpty
            ($example.remarks.Text -join '') | Should -Not -BeNullOrEmpty
        }
    }

    It 'describes every parameter, and documents no parameter the cmdlet lacks' {
        $documented = @($help.parameters.parameter | ForEach-Object name)
        $real = @(Get-RealParameter $Name)
        @($documented | Sort-Object) | Should -Be @($real | Sort-Object)
        foreach ($parameter in $help.parameters.parameter) {
            ($parameter.description.Text -join '') | Should -Not -BeNullOrEmpty -Because "-$($parameter.name) needs a description"
        }
    }

    It 'names its inputs and outputs and has a related link' {
        @($help.inputTypes.inputType).Count | Should -BeGreaterOrEqual 1
        @($help.returnValues.returnValue).Count | Should -BeGreaterOrEqual 1
        @($help.relatedLinks.navigationLink).Count | Should -BeGreaterOrEqual 1
        ($help.alertSet.alert.Text -join '') | Should -Not -BeNullOrEmpty
    }
}

Describe 'about_VodPowerShell' {
    It 'is found by Get-Help and lists the error ids of both catalogs' {
        $text = Get-Help about_VodPowerShell | Out-String
        $text | Should -Match 'CREDENTIAL RESOLUTION'
        $text | Should -Match 'QuotaExceeded'
        $text | Should -Match 'RequestLimitExceeded'
        $text | Should -Match 'JOURNAL AND RESUME'
    }
}

Describe 'The help source' {
    It 'has a Markdown file for every exported cmdlet and none for anything else' {
        $docs = Get-ChildItem (Join-Path $PSScriptRoot '../../docs/en-US') -Filter '*-*.md' | ForEach-Object BaseName
        @($docs | Sort-Object) | Should -Be @((Get-Module VodPowerShell).ExportedCmdlets.Keys | Sort-Object)
    }
}
