# Save-VodImageSprite and Get-VodSpriteThumbnail against a loopback file server started by the test: the sheets,
# a WebVTT with relative sheet references, ETags. Task objects are stand-ins with the properties the task
# cmdlets emit (FileId, Definition, ImageSpriteUrls, WebVttUrl, TaskId), which bind by property name.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-ModuleUnderTest

    function Start-SpriteFileServer {
        # An HttpListener on a free loopback port, answered by a thread job; every request is logged with its
        # Authorization header (which must stay empty).
        param([Parameter(Mandatory)] [string] $Root)
        $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $probe.Start(); $port = $probe.LocalEndpoint.Port; $probe.Stop()
        $listener = [System.Net.HttpListener]::new()
        $listener.Prefixes.Add("http://127.0.0.1:$port/")
        $listener.Start()
        $log = [System.Collections.Concurrent.ConcurrentQueue[object]]::new()
        $job = Start-ThreadJob -ArgumentList $listener, $Root, $log -ScriptBlock {
            param($listener, $root, $log)
            while ($listener.IsListening) {
                try { $context = $listener.GetContext() } catch { break }
                $relative = [Uri]::UnescapeDataString($context.Request.Url.AbsolutePath.TrimStart('/'))
                $log.Enqueue([pscustomobject]@{ Path = $relative; Authorization = $context.Request.Headers['Authorization'] })
                $file = Join-Path $root $relative
                $response = $context.Response
                if (Test-Path -LiteralPath $file -PathType Leaf) {
                    $bytes = [IO.File]::ReadAllBytes($file)
                    $response.ContentLength64 = $bytes.Length
                    $response.Headers['ETag'] = '"{0}"' -f [BitConverter]::ToString([Security.Cryptography.MD5]::HashData($bytes)).Replace('-', '')
                    $response.OutputStream.Write($bytes, 0, $bytes.Length)
                }
                else {
                    $response.StatusCode = 404
                }
                $response.Close()
            }
        }
        [pscustomobject]@{ Listener = $listener; Job = $job; Log = $log; BaseUri = "http://127.0.0.1:$port" }
    }

    function New-SpriteFiles {
        # Two sheets and a WebVTT of three cues for one file, as the emulator lays them out.
        param([string] $Root, [string] $FileId, [int] $Definition = 10)
        $folder = Join-Path $Root "_media/$FileId/$Definition"
        $null = New-Item -ItemType Directory -Force -Path $folder
        foreach ($n in 0, 1) {
            $bytes = [byte[]]::new(40000 + $n)
            [Random]::new($n + $FileId.Length).NextBytes($bytes)
            [IO.File]::WriteAllBytes((Join-Path $folder "sprite-$n.jpg"), $bytes)
        }
        $vtt = "WEBVTT`r`n`r`n00:00:00.000 --> 00:00:10.000`r`nsprite-0.jpg#xywh=0,0,142,80`r`n`r`n" +
            "00:00:10.000 --> 00:00:20.000`r`nsprite-0.jpg#xywh=142,0,142,80`r`n`r`n" +
            "00:00:20.000 --> 00:00:30.000`r`nsprite-1.jpg#xywh=0,0,142,80`r`n"
        [IO.File]::WriteAllText((Join-Path $folder 'index.vtt'), $vtt)
    }

    function New-FinishedTask {
        param([string] $FileId, [int] $Definition = 10)
        $base = "$($server.BaseUri)/_media/$FileId/$Definition"
        [pscustomobject]@{
            TaskId          = "task-$FileId"
            FileId          = $FileId
            Definition      = $Definition
            ImageSpriteUrls = @("$base/sprite-0.jpg", "$base/sprite-1.jpg")
            WebVttUrl       = "$base/index.vtt"
        }
    }

    $script:work = Join-Path ([IO.Path]::GetTempPath()) ("vodps-sprites-" + [guid]::NewGuid().ToString('N'))
    $script:served = Join-Path $work 'served'
    New-SpriteFiles -Root $served -FileId 'f1'
    New-SpriteFiles -Root $served -FileId 'f2'
    $script:server = Start-SpriteFileServer -Root $served
}

AfterAll {
    if ($script:server) {
        $server.Listener.Stop()
        $server.Job | Wait-Job -Timeout 10 | Remove-Job -Force
    }
    Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Save-VodImageSprite' {
    BeforeAll { $script:target = Join-Path $work 'saved' }

    It 'saves every sheet and the WebVTT under FileId/Definition, writes the manifest and emits one result per file' {
        $results = 'f1', 'f2' | ForEach-Object { New-FinishedTask $_ } | Save-VodImageSprite -Path $target -ThrottleLimit 2

        @($results).Count | Should -Be 2
        $results.FileId | Should -Be @('f1', 'f2')
        foreach ($result in $results) {
            $result.Directory | Should -Be (Join-Path $target "$($result.FileId)/10")
            @($result.SheetPaths).Count | Should -Be 2
            $result.WebVttPath | Should -Exist
            $result.ThumbnailCount | Should -Be 3
            $result.Downloaded | Should -Be 3
            $result.Failed | Should -Be 0
            $result.Bytes | Should -Be (40000 + 40001 + (Get-Item $result.WebVttPath).Length)
            (Get-FileHash $result.SheetPaths[1]).Hash | Should -Be (Get-FileHash (Join-Path $served "_media/$($result.FileId)/10/sprite-1.jpg")).Hash
            $manifest = Get-Content -Raw (Join-Path $result.Directory 'manifest.json') | ConvertFrom-Json
            @($manifest.files).Count | Should -Be 3
            @($manifest.files | Where-Object etag).Count | Should -Be 3
        }
        @(Get-ChildItem $target -Recurse -Filter *.part).Count | Should -Be 0
        @($server.Log | Where-Object Authorization).Count | Should -Be 0
    }

    It 'skips on a rerun what is complete, without a request' {
        $before = $server.Log.Count
        $again = New-FinishedTask f1 | Save-VodImageSprite -Path $target

        $again.Skipped | Should -Be 3
        $again.Downloaded | Should -Be 0
        $again.ThumbnailCount | Should -Be 3
        $server.Log.Count | Should -Be $before
    }

    It 'downloads again with -Force' {
        $before = $server.Log.Count
        $forced = New-FinishedTask f1 | Save-VodImageSprite -Path $target -Force
        $forced.Downloaded | Should -Be 3
        $server.Log.Count | Should -Be ($before + 3)
    }

    It 'reports a task without sprites and a missing sheet as errors, and saves the rest of the batch' {
        $unfinished = [pscustomobject]@{ TaskId = 'task-unfinished'; FileId = 'f3'; Definition = 10; ImageSpriteUrls = @(); WebVttUrl = $null }
        $broken = New-FinishedTask f2
        $broken.ImageSpriteUrls = @($broken.ImageSpriteUrls[0], "$($server.BaseUri)/_media/f2/10/missing.jpg")

        $results = $unfinished, $broken | Save-VodImageSprite -Path (Join-Path $work 'batch') -MaximumRetryCount 0 -ErrorVariable failures -ErrorAction SilentlyContinue

        @($results).Count | Should -Be 1
        $results.Failed | Should -Be 1
        $results.Downloaded | Should -Be 2
        $results.Error | Should -Match '404'
        @($failures).Count | Should -Be 2
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'NoSprites,*'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
        $failures[0].TargetObject | Should -Be 'task-unfinished'
        $failures[1].FullyQualifiedErrorId | Should -BeLike 'DownloadFailed,*'
        $failures[1].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[1].TargetObject | Should -BeLike '*/missing.jpg'
    }

    It 'refuses plain HTTP to a host that is not loopback' {
        $insecure = [pscustomobject]@{ FileId = 'f4'; Definition = 10; ImageSpriteUrls = @('http://cdn.example.invalid/s.jpg'); WebVttUrl = $null }
        $result = $insecure | Save-VodImageSprite -Path (Join-Path $work 'insecure') -ErrorVariable failures -ErrorAction SilentlyContinue
        $result.Failed | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'InsecureUrl,*'
        $failures[0].CategoryInfo.Category | Should -Be 'SecurityError'
    }
}

Describe 'Get-VodSpriteThumbnail' {
    It 'reads the thumbnails of saved sprites from the pipeline, with their local sheets' {
        $thumbnails = New-FinishedTask f2 | Save-VodImageSprite -Path (Join-Path $work 'piped') | Get-VodSpriteThumbnail

        @($thumbnails).Count | Should -Be 3
        $thumbnails.Index | Should -Be @(0, 1, 2)
        $thumbnails.FileId | Select-Object -Unique | Should -Be 'f2'
        $thumbnails[1].Start | Should -Be ([timespan]::FromSeconds(10))
        $thumbnails[1].End | Should -Be ([timespan]::FromSeconds(20))
        $thumbnails[1].X | Should -Be 142
        $thumbnails[1].Width | Should -Be 142
        $thumbnails[2].Sheet | Should -Be (Join-Path $work 'piped/f2/10/sprite-1.jpg')
        $thumbnails[2].Sheet | Should -Exist
    }

    It 'reads a task''s WebVTT from its URL, with the sheets as URLs' {
        $thumbnails = New-FinishedTask f1 | Get-VodSpriteThumbnail
        @($thumbnails).Count | Should -Be 3
        $thumbnails[2].Sheet | Should -Be "$($server.BaseUri)/_media/f1/10/sprite-1.jpg"
        $thumbnails[0].Definition | Should -Be 10
    }

    It 'writes a malformed cue as an error with its line number and still writes the good cues' {
        $file = Join-Path $work 'broken.vtt'
        Set-Content -LiteralPath $file -Value "WEBVTT`n`n00:00.000 --> 00:10.000`na.jpg#xywh=0,0,10,10`n`n00:10.000 --> 00:2O.000`na.jpg#xywh=10,0,10,10`n`n00:20.000 --> 00:30.000`na.jpg#xywh=20,0,10,10"

        $thumbnails = Get-VodSpriteThumbnail -Path $file -ErrorVariable failures -ErrorAction SilentlyContinue

        $thumbnails.Index | Should -Be @(0, 2)
        @($failures).Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'WebVttMalformed,*'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $failures[0].Exception.Message | Should -Match 'line 6'
        $failures[0].TargetObject | Should -Be $file
    }

    It 'reports a missing file as not found' {
        Get-VodSpriteThumbnail -Path (Join-Path $work 'none.vtt') -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'WebVttNotFound,*'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}
