# The whole sprite workflow as one pipeline against the emulator (API 3.0): find the files, capture them with a
# new template, download the sheets and WebVTT through injected download faults, and read the thumbnails back.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-ModuleUnderTest
    # A third of the downloads meet a fault (reset mid-body, HTTP 500 or a pause), from a fixed seed.
    $script:emulator = Start-TestEmulator -ArgumentList '--library-size', '400', '--task-waiting-ms', '50', '--task-processing-ms', '50',
        '--download-fault-rate', '0.33', '--download-fault-seed', '5', '--slow-ms', '100'
    $script:v3 = @{ Endpoint = $emulator.Endpoint; Credential = $emulator.Credential; ApiVersion = 'V3'; RetryIntervalSec = 0 }
    $script:work = Join-Path ([IO.Path]::GetTempPath()) ('vodps-workflow-' + [guid]::NewGuid().ToString('N'))
    function Get-DownloadLog { @(Invoke-RestMethod -Uri ([uri]::new($emulator.Endpoint, '/_emulator/downloads'))) | Write-Output }

    $script:grid = @{ Name = 'grid5'; RowCount = 5; ColumnCount = 5; SampleType = 'Time'; SampleInterval = 2; Format = 'png'; Width = 128; Height = 128 }
    $script:template = New-VodImageSpriteTemplate @v3 @grid
    # Short files (under 5 minutes: about 4 % of the generated library) keep the PNG sheets few.
    $script:files = @(Find-VodMedia @v3 -Category Video | Where-Object Duration -LT 300 | Select-Object -First 3)
    $script:finished = @($files | New-VodImageSprite @v3 -Definition $template.Definition -Wait)
    $script:saved = @($finished | Save-VodImageSprite -Path $work -RetryIntervalSec 0 -MaximumRetryCount 10 -ErrorAction SilentlyContinue -ErrorVariable saveErrors)
    $script:saveErrors = $saveErrors
    $script:thumbnails = @($saved | Get-VodSpriteThumbnail)
}

AfterAll {
    $script:emulator | Stop-TestEmulator
    Remove-Item -LiteralPath $script:work -Recurse -Force -ErrorAction Ignore
}

Describe 'Find-VodMedia | New-VodImageSprite -Wait | Save-VodImageSprite | Get-VodSpriteThumbnail' {
    It 'saves every sheet and WebVTT of every file although downloads met faults' {
        $faults = @(Get-DownloadLog | Where-Object fault)
        $faults.Count | Should -BeGreaterThan 0
        $saveErrors.Count | Should -Be 0
        $saved.Count | Should -Be 3
        @($saved.FileId | Sort-Object) | Should -Be @($files.FileId | Sort-Object)
        foreach ($sprite in $saved) {
            $sprite.Failed | Should -Be 0
            $sprite.Directory | Should -Be (Join-Path $work "$($sprite.FileId)/$($template.Definition)")
            foreach ($path in @($sprite.SheetPaths) + $sprite.WebVttPath) { $path | Should -Exist }
            @(Get-ChildItem -LiteralPath $sprite.Directory -Filter *.part).Count | Should -Be 0
        }
    }

    It 'gives each file one thumbnail per 2 s of its duration, laid out on the template''s 5 x 5 grid' {
        foreach ($file in $files) {
            $own = @($thumbnails | Where-Object FileId -EQ $file.FileId)
            $own.Count | Should -Be ([Math]::Ceiling($file.Duration / 2))
            $own[-1].End.TotalSeconds | Should -Be $file.Duration
            foreach ($thumbnail in $own) {
                $cell = $thumbnail.Index % 25
                ($thumbnail.X, $thumbnail.Y, $thumbnail.Width, $thumbnail.Height) | Should -Be @((($cell % 5) * 128), ([Math]::Floor($cell / 5) * 128), 128, 128)
                $thumbnail.Start.TotalSeconds | Should -Be (2 * $thumbnail.Index)
                $thumbnail.Sheet | Should -Be (Join-Path $work "$($file.FileId)/$($template.Definition)/sprite-$([Math]::Floor($thumbnail.Index / 25) + 1).png")
            }
        }
    }

    It 'skips everything on a rerun, without a single download request' {
        $before = @(Get-DownloadLog).Count
        $again = @($finished | Save-VodImageSprite -Path $work)

        $again.Count | Should -Be 3
        ($again | Measure-Object -Property Downloaded -Sum).Sum | Should -Be 0
        ($again | Measure-Object -Property Skipped -Sum).Sum | Should -Be (($saved | ForEach-Object { $_.SheetPaths.Count + 1 } | Measure-Object -Sum).Sum)
        @(Get-DownloadLog).Count | Should -Be $before
    }
}
