<#
.SYNOPSIS
    Turns the Markdown help in docs/<culture>/ into the MAML and about-topic text PowerShell reads.
.DESCRIPTION
    platyPS is not available here, so this reads the same layout it writes: one <Cmdlet-Name>.md per cmdlet
    (SYNOPSIS, SYNTAX, DESCRIPTION, EXAMPLES, PARAMETERS, INPUTS, OUTPUTS, NOTES, RELATED LINKS) and
    about_<Module>.md. Prose comes from Markdown; parameter types, positions, sets, pipeline input and aliases come
    from the built cmdlets themselves, so the help cannot disagree with the code. A parameter the Markdown
    documents but the cmdlet lacks (or the other way round) fails the build.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $DocsPath,
    [string] $Culture = 'en-US'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

# -WhatIf and -Confirm are documented with each cmdlet that has them: what they do differs.
$commonParameters = [System.Management.Automation.PSCmdlet]::CommonParameters + 'UseTransaction'

function Split-Section {
    # Splits Markdown into an ordered map of heading -> body at the given heading level ('## ' or '### ').
    param([string] $Text, [string] $Marker)
    $sections = [ordered]@{}
    $name = $null
    $body = [System.Text.StringBuilder]::new()
    $inFence = $false
    foreach ($line in $Text -split "`r?`n") {
        if ($line.StartsWith('```')) { $inFence = -not $inFence }
        if (-not $inFence -and $line.StartsWith($Marker) -and -not $line.StartsWith($Marker + '#')) {
            if ($null -ne $name) { $sections[$name] = $body.ToString().Trim() }
            $name = $line.Substring($Marker.Length).Trim()
            $body.Clear() | Out-Null
            continue
        }
        if ($null -ne $name) { $body.AppendLine($line) | Out-Null }
    }
    if ($null -ne $name) { $sections[$name] = $body.ToString().Trim() }
    $sections
}

function Get-Paragraph {
    # Markdown paragraphs (blank-line separated) without fenced blocks, with inline code marks removed.
    param([string] $Text)
    $withoutFences = [regex]::Replace($Text, '(?ms)^```.*?^```\s*$', '')
    foreach ($paragraph in $withoutFences -split "(`r?`n){2,}") {
        $clean = ($paragraph -replace '`', '' -replace "`r?`n", ' ').Trim()
        if ($clean) { $clean }
    }
}

function Add-Para {
    param([System.Xml.XmlElement] $Parent, [string] $Text)
    foreach ($paragraph in Get-Paragraph $Text) { Add-Element $Parent 'maml:para' $paragraph | Out-Null }
}

$ns = @{
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
}

function Add-Element {
    param([System.Xml.XmlNode] $Parent, [string] $Name, [string] $Text, [hashtable] $Attributes = @{})
    $prefix = $Name.Split(':')[0]
    $document = if ($Parent -is [System.Xml.XmlDocument]) { $Parent } else { $Parent.OwnerDocument }
    $element = $document.CreateElement($Name, $ns[$prefix])
    foreach ($pair in $Attributes.GetEnumerator()) { $element.SetAttribute($pair.Key, [string]$pair.Value) }
    if ($PSBoundParameters.ContainsKey('Text')) { $element.InnerText = $Text }
    $Parent.AppendChild($element)
}

function Get-PipelineInput {
    param([System.Management.Automation.ParameterMetadata] $Parameter)
    $kinds = foreach ($attribute in $Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] }) {
        if ($attribute.ValueFromPipeline) { 'ByValue' }
        if ($attribute.ValueFromPipelineByPropertyName) { 'ByPropertyName' }
    }
    $kinds = @($kinds | Select-Object -Unique)
    if ($kinds) { "True ($($kinds -join ', '))" } else { 'False' }
}

function Add-ParameterElement {
    param([System.Xml.XmlNode] $Parent, $Parameter, [bool] $Required, [string] $Position, [string] $Description, [switch] $Full)
    $type = $Parameter.ParameterType
    $typeName = if ($type.IsGenericType -and $type.GetGenericTypeDefinition() -eq [Nullable`1]) { $type.GetGenericArguments()[0].Name } else { $type.Name }
    $element = Add-Element $Parent 'command:parameter' -Attributes @{
        required = $Required.ToString().ToLowerInvariant(); position = $Position; globbing = 'false'
        pipelineInput = (Get-PipelineInput $Parameter); variableLength = 'true'; aliases = $(if ($Parameter.Aliases.Count) { $Parameter.Aliases -join ', ' } else { 'none' })
    }
    Add-Element $element 'maml:name' $Parameter.Name | Out-Null
    if ($Full) { Add-Para (Add-Element $element 'maml:description') $Description }
    if ($type -ne [System.Management.Automation.SwitchParameter]) {
        Add-Element $element 'command:parameterValue' $typeName -Attributes @{ required = 'true'; variableLength = 'false' } | Out-Null
    }
    if ($Full) {
        $devType = Add-Element $element 'dev:type'
        Add-Element $devType 'maml:name' $type.FullName | Out-Null
    }
}

function ConvertTo-CommandHelp {
    param([System.Xml.XmlNode] $Root, [System.Management.Automation.CmdletInfo] $Command, [string] $MarkdownPath, [System.Collections.IDictionary] $Shared)
    $sections = Split-Section (Get-Content -Raw -LiteralPath $MarkdownPath) '## '
    foreach ($required in 'SYNOPSIS', 'DESCRIPTION', 'EXAMPLES', 'PARAMETERS', 'INPUTS', 'OUTPUTS', 'NOTES', 'RELATED LINKS') {
        if (-not $sections.Contains($required) -or -not $sections[$required]) { throw "$MarkdownPath has no '## $required' section." }
    }

    $documented = [ordered]@{}
    foreach ($entry in (Split-Section $sections['PARAMETERS'] '### ').GetEnumerator()) {
        if ($entry.Key -eq 'CommonParameters') { continue }
        $documented[$entry.Key.TrimStart('-')] = $entry.Value
    }
    # The connection parameters every API cmdlet shares are written once, in ConnectionParameters.md.
    foreach ($entry in $Shared.GetEnumerator()) {
        if ($Command.Parameters.ContainsKey($entry.Key) -and -not $documented.Contains($entry.Key)) { $documented[$entry.Key] = $entry.Value }
    }
    $real = @($Command.Parameters.Values | Where-Object { $_.Name -notin $commonParameters -and -not ($_.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow }) })
    $missing = @($real.Name | Where-Object { -not $documented.Contains($_) })
    $extra = @($documented.Keys | Where-Object { $_ -notin $real.Name })
    if ($missing) { throw "$MarkdownPath does not document: $($missing -join ', ')." }
    if ($extra) { throw "$MarkdownPath documents parameters $($Command.Name) does not have: $($extra -join ', ')." }

    $element = Add-Element $Root 'command:command'
    $details = Add-Element $element 'command:details'
    Add-Element $details 'command:name' $Command.Name | Out-Null
    Add-Element $details 'command:verb' $Command.Verb | Out-Null
    Add-Element $details 'command:noun' $Command.Noun | Out-Null
    Add-Para (Add-Element $details 'maml:description') $sections['SYNOPSIS']
    Add-Para (Add-Element $element 'maml:description') $sections['DESCRIPTION']

    $syntax = Add-Element $element 'command:syntax'
    foreach ($set in $Command.ParameterSets) {
        $item = Add-Element $syntax 'command:syntaxItem'
        Add-Element $item 'maml:name' $Command.Name | Out-Null
        foreach ($parameter in $set.Parameters | Where-Object { $_.Name -in $real.Name }) {
            $position = if ($parameter.Position -ge 0) { [string]$parameter.Position } else { 'named' }
            Add-ParameterElement $item $Command.Parameters[$parameter.Name] $parameter.IsMandatory $position $documented[$parameter.Name]
        }
    }

    $parameters = Add-Element $element 'command:parameters'
    foreach ($parameter in $real) {
        $sets = @($parameter.ParameterSets.Values)
        $required = @($sets | Where-Object IsMandatory).Count -gt 0
        $position = @($sets | Where-Object Position -GE 0 | ForEach-Object Position | Select-Object -First 1)
        Add-ParameterElement $parameters $parameter $required $(if ($position.Count) { [string]$position[0] } else { 'named' }) $documented[$parameter.Name] -Full
    }

    foreach ($pair in @(@('INPUTS', 'command:inputTypes', 'command:inputType'), @('OUTPUTS', 'command:returnValues', 'command:returnValue'))) {
        $list = Add-Element $element $pair[1]
        foreach ($entry in (Split-Section $sections[$pair[0]] '### ').GetEnumerator()) {
            $typeElement = Add-Element $list $pair[2]
            Add-Element (Add-Element $typeElement 'dev:type') 'maml:name' $entry.Key | Out-Null
            Add-Para (Add-Element $typeElement 'maml:description') $entry.Value
        }
    }

    Add-Para (Add-Element (Add-Element $element 'maml:alertSet') 'maml:alert') $sections['NOTES']

    $examples = Add-Element $element 'command:examples'
    foreach ($entry in (Split-Section $sections['EXAMPLES'] '### ').GetEnumerator()) {
        $example = Add-Element $examples 'command:example'
        Add-Element $example 'maml:title' "--------- $($entry.Key) ---------" | Out-Null
        $code = [regex]::Match($entry.Value, '(?ms)^```\w*\r?\n(.*?)^```')
        if (-not $code.Success) { throw "$MarkdownPath, '$($entry.Key)': no code block." }
        Add-Element $example 'dev:code' $code.Groups[1].Value.TrimEnd() | Out-Null
        Add-Para (Add-Element $example 'dev:remarks') $entry.Value
    }

    $links = Add-Element $element 'command:relatedLinks'
    foreach ($match in [regex]::Matches($sections['RELATED LINKS'], '\[([^\]]+)\]\(([^)]*)\)')) {
        $link = Add-Element $links 'maml:navigationLink'
        Add-Element $link 'maml:linkText' $match.Groups[1].Value | Out-Null
        $uri = if ($match.Groups[2].Value -match '^https?://') { $match.Groups[2].Value } else { '' }
        Add-Element $link 'maml:uri' $uri | Out-Null
    }
}

function Get-ErrorTable {
    # The service error ids come from the engine's own catalogs, so the help lists exactly what the code maps.
    # PowerShell resolves type names only in the default load context; the engine lives in ours, so by assembly.
    $engine = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'VodPowerShell.Core' } | Select-Object -First 1
    $rows = [System.Collections.Generic.List[string]]::new()
    $rows.Add('| ErrorId | API | Codes | Retry | Meaning and what to do |')
    $rows.Add('| --- | --- | --- | --- | --- |')
    foreach ($group in $engine.GetType('VodPowerShell.Core.Errors.ErrorCodeCatalog')::All | Group-Object ErrorId | Sort-Object Name) {
        $first = $group.Group[0]
        $rows.Add("| $($group.Name) | V2 | $(($group.Group.Code | Sort-Object) -join ', ') | $($first.Retry) | $($first.Description) |")
    }
    foreach ($entry in $engine.GetType('VodPowerShell.Core.Errors.V3ErrorCatalog')::All | Sort-Object Code) {
        $id = $engine.GetType('VodPowerShell.Core.Errors.V3ErrorCatalog')::ErrorIdFor($entry.Code)
        $rows.Add("| $id | V3 | $($entry.Code)$(if (-not $entry.Exact) { '.*' }) | $($entry.Retry) | $($entry.Description) |")
    }
    $rows -join [Environment]::NewLine
}

function ConvertTo-AboutText {
    # about_*.help.txt is plain text: headings in capitals, Markdown marks dropped, code kept indented.
    param([string] $Markdown)
    $lines = foreach ($line in $Markdown -split "`r?`n") {
        if ($line -match '^#\s+(.*)') { 'TOPIC'; "    $($Matches[1])"; continue }
        if ($line -match '^#{2,}\s+(.*)') { $Matches[1].ToUpperInvariant(); continue }
        if ($line.StartsWith('```')) { continue }
        $line -replace '`', '' -replace '\*\*', '' -replace '\[([^\]]+)\]\([^)]*\)', '$1'
    }
    ($lines -join [Environment]::NewLine).Trim() + [Environment]::NewLine
}

$manifest = Join-Path $ModulePath 'VodPowerShell.psd1'
$module = Import-Module $manifest -PassThru -Force
$output = Join-Path $ModulePath $Culture
$null = New-Item -ItemType Directory -Force -Path $output
$source = Join-Path $DocsPath $Culture

$shared = [ordered]@{}
$sharedSource = Join-Path $source 'ConnectionParameters.md'
$sharedSections = Split-Section (Get-Content -Raw -LiteralPath $sharedSource) '## '
foreach ($entry in (Split-Section $sharedSections['PARAMETERS'] '### ').GetEnumerator()) { $shared[$entry.Key.TrimStart('-')] = $entry.Value }
$unused = @($shared.Keys | Where-Object { $name = $_; -not @($module.ExportedCmdlets.Values | Where-Object { $_.Parameters.ContainsKey($name) }) })
if ($unused) { throw "$sharedSource documents parameters no cmdlet has: $($unused -join ', ')." }

$document = [System.Xml.XmlDocument]::new()
$null = $document.AppendChild($document.CreateXmlDeclaration('1.0', 'utf-8', $null))
$root = $document.CreateElement('helpItems', 'http://msh')
$root.SetAttribute('schema', 'maml')
$null = $document.AppendChild($root)
foreach ($command in $module.ExportedCmdlets.Values | Sort-Object Name) {
    $markdown = Join-Path $source "$($command.Name).md"
    if (-not (Test-Path -LiteralPath $markdown)) { throw "No help source for $($command.Name): $markdown." }
    ConvertTo-CommandHelp $root $command $markdown $shared
}
$extraDocs = @(Get-ChildItem $source -Filter '*-*.md' | Where-Object BaseName -NotIn $module.ExportedCmdlets.Keys)
if ($extraDocs) { throw "Help for commands the module does not export: $($extraDocs.Name -join ', ')." }
$document.Save((Join-Path $output ((Split-Path -Leaf @($module.ExportedCmdlets.Values)[0].DLL) + "-Help.xml")))

foreach ($about in Get-ChildItem $source -Filter 'about_*.md') {
    $text = (Get-Content -Raw -LiteralPath $about.FullName).Replace('<!-- error-table -->', (Get-ErrorTable))
    ConvertTo-AboutText $text | Set-Content -LiteralPath (Join-Path $output "$($about.BaseName).help.txt")
}
Remove-Module $module
