param([ValidateSet('V2', 'V3')] [string] $ApiVersion = 'V2')

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-ModuleUnderTest
    $script:fakeKey = 'FAKEsecretKEYforTRANSCRIPT0000001'
    $script:fakeToken = 'FAKEsessionTOKENforTRANSCRIPT0002'
    $script:emulator = Start-TestEmulator -SecretKey $fakeKey -ArgumentList '--token', $fakeToken, '--quota-rate', '0',
        '--task-waiting-ms', '50', '--task-processing-ms', '50', '--long-poll-ms', '200'
    $script:common = @{ Endpoint = $emulator.Endpoint; ApiVersion = $ApiVersion; RetryIntervalSec = 0 }
    $script:token = ConvertTo-SecureString $fakeToken -AsPlainText -Force
    $script:credentialSources = Use-IsolatedCredentialSources -Directory $TestDrive
}

AfterAll {
    Remove-VodCredential
    Restore-Environment $credentialSources
    $emulator | Stop-TestEmulator
}

Describe "No secret ever leaks ($ApiVersion)" {
    It 'keeps the key, the token and every signature out of the transcript, the journal, $Error and ToString()' {
        # The session runs in a child pwsh: its errors, debug and verbose lines reach a real host, and so the
        # transcript, exactly as a user would see them, while the suite's own output stays quiet.
        $session = {
            Import-Module $env:VODPS_LEAK_SUPPORT
            Import-ModuleUnderTest
            $ApiVersion = $env:VODPS_LEAK_API
            $emulator = [pscustomobject]@{ Endpoint = $env:VODPS_LEAK_ENDPOINT; SecretId = $env:VODPS_LEAK_SECRET_ID; SecureKey = ConvertTo-SecureString $env:VODPS_LEAK_KEY -AsPlainText -Force }
            $token = ConvertTo-SecureString $env:VODPS_LEAK_TOKEN -AsPlainText -Force
            $common = @{ Endpoint = $emulator.Endpoint; ApiVersion = $ApiVersion; RetryIntervalSec = 0 }
            $transcript = $env:VODPS_LEAK_TRANSCRIPT
            $journal = $env:VODPS_LEAK_JOURNAL
            $Error.Clear()
            # Every error must reach the host, and so the transcript, without stopping the run.
            $ErrorActionPreference = 'Continue'
            $DebugPreference = 'Continue'
            $VerbosePreference = 'Continue'
            $emitted = [System.Collections.Generic.List[object]]::new()

            Start-Transcript -LiteralPath $transcript
            try {
                Set-VodCredential -SecretId $emulator.SecretId -SecretKey $emulator.SecureKey -Token $token -Endpoint $emulator.Endpoint -ApiVersion $ApiVersion -PassThru | Tee-Object -Variable info | Out-Host
                $emitted.Add($info)
                Get-VodCredential | Out-Host
                $results = 'leak-1', 'missing-leak' | New-VodImageSprite -JournalPath $journal
                $results | Format-List * | Out-Host
                $emitted.AddRange([object[]]$results)
                $tasks = $results | Wait-VodTask -PollIntervalSec 0.1 -Timeout 30
                $tasks | Format-List * | Out-Host
                $emitted.AddRange([object[]]@($tasks))
                Get-VodTask -VodTaskId $results[0].VodTaskId | Out-Host
                $events = Receive-VodEvent -MaxEvents 1 -Timeout 10
                $events | Format-List * | Out-Host
                $emitted.AddRange([object[]]@($events))
                $events | Confirm-VodEvent
                Confirm-VodEvent -EventHandle 'no-such-handle'
                $call = Get-Expectation -ApiVersion $ApiVersion -Case TaskInfo
                Invoke-VodApi -Action $call.Action -Parameters @{ $call.IdName = $results[0].VodTaskId } | Format-List * | Out-Host
                Invoke-VodApi -Action $call.Action -Parameters @{ Signature = 'x' }
                $wrong = [pscredential]::new($emulator.SecretId, (ConvertTo-SecureString 'wrong-key' -AsPlainText -Force))
                New-VodImageSprite @common -Credential $wrong -FileId 'wrong-key' | Out-Host
                Remove-VodCredential
            }
            finally {
                Stop-Transcript
            }

            $everything = @(
                Get-Content -Raw -LiteralPath $transcript
                Get-Content -Raw -LiteralPath $journal
                $Error | ForEach-Object { $_ | Format-List * -Force | Out-String; $_.Exception.ToString() }
                $emitted | ForEach-Object { "$_"; $_ | Format-List * | Out-String }
            ) -join "`n"
            # Oldest first: the order the session met them.
            $failures = @($Error | ForEach-Object { @{ Id = $_.FullyQualifiedErrorId; Category = "$($_.CategoryInfo.Category)"; Target = "$($_.TargetObject)" } })
            [array]::Reverse($failures)
            @{ Everything = $everything; Failures = @($failures) } | ConvertTo-Json -Compress -Depth 4
        }

        $outcome = Invoke-ChildPowerShell -Script $session.ToString() -Environment @{
            VODPS_LEAK_SUPPORT = Join-Path $PSScriptRoot 'TestSupport.psm1'; VODPS_LEAK_API = $ApiVersion
            VODPS_LEAK_ENDPOINT = $emulator.Endpoint; VODPS_LEAK_SECRET_ID = $emulator.SecretId; VODPS_LEAK_KEY = $fakeKey; VODPS_LEAK_TOKEN = $fakeToken
            VODPS_LEAK_TRANSCRIPT = Join-Path $TestDrive "transcript-$ApiVersion.txt"; VODPS_LEAK_JOURNAL = Join-Path $TestDrive "journal-$ApiVersion.jsonl"
        }
        $everything = $outcome.Everything

        $everything | Should -Match 'DEBUG: '
        $everything | Should -Match 'VERBOSE: Using credential'
        $everything | Should -Not -Match ([regex]::Escape($fakeKey))
        $everything | Should -Not -Match ([regex]::Escape($fakeToken))
        $everything | Should -Not -Match 'Signature=(?!\*\*\*)'
        $everything | Should -Not -Match 'Signature=[0-9a-f]{64}'
        $everything | Should -Match (Get-Expectation -ApiVersion $ApiVersion -Case RedactedSecret)
        $outcome.Failures.Count | Should -BeGreaterThan 0 -Because 'the failing calls must have put records in $Error to check'
        # Exactly the four calls meant to fail, in order, each with its id, category and target.
        $missing = Get-Expectation -ApiVersion $ApiVersion -Case MissingFile
        $wrongKey = Get-Expectation -ApiVersion $ApiVersion -Case WrongKey
        $unknownHandle = @{ V2 = 'InvalidParameter'; V3 = 'InvalidParameterValue' }[$ApiVersion]
        $expected = @(
            "$($missing.ErrorId),*|$($missing.Category)|missing-leak"
            "$unknownHandle,*|InvalidArgument|no-such-handle"
            "ReservedParameterName,*|InvalidArgument|$((Get-Expectation -ApiVersion $ApiVersion -Case TaskInfo).Action)"
            "$($wrongKey.ErrorId),*|$($wrongKey.Category)|wrong-key"
        )
        $seen = @($outcome.Failures | ForEach-Object { "$($_.Id)|$($_.Category)|$($_.Target)" })
        $seen.Count | Should -Be $expected.Count -Because ($seen -join '; ')
        for ($i = 0; $i -lt $expected.Count; $i++) { $seen[$i] | Should -BeLike $expected[$i] }
    }
}

Describe "Hostile input ($ApiVersion)" {
    BeforeAll { $script:on = @{ Endpoint = $emulator.Endpoint; ApiVersion = $ApiVersion; Credential = $emulator.Credential; Token = $null; RetryIntervalSec = 0 } }
    BeforeEach {
        Reset-Emulator $emulator
        Set-VodCredential -SecretId $emulator.SecretId -SecretKey $emulator.SecureKey -Token $token -Endpoint $emulator.Endpoint -ApiVersion $ApiVersion
    }
    AfterEach { Remove-VodCredential }

    It 'refuses parameter names that would replace what the module signs (<Name>)' -TestCases @(
        @{ Name = 'SecretId' }, @{ Name = 'Signature' }, @{ Name = 'signature' }, @{ Name = 'Token' }, @{ Name = 'Action' }, @{ Name = 'Timestamp' }, @{ Name = 'Nonce' }
    ) {
        $result = Invoke-VodApi -Action 'GetTaskInfo' -Parameters @{ $Name = 'x' } -ErrorVariable failures -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ReservedParameterName,*'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        @(Get-EmulatorLedger $emulator).Count | Should -Be 0
    }

    It 'calls any action with Invoke-VodApi and returns its answer as an object' {
        $submitted = New-VodImageSprite -FileId 'invoke-1'
        $call = Get-Expectation -ApiVersion $ApiVersion -Case TaskInfo
        $answer = Invoke-VodApi -Action $call.Action -Parameters @{ $call.IdName = $submitted.VodTaskId }
        # v2 answers 'status' beside code and message, API 3.0 'Status' in Response: PowerShell reads both alike.
        $answer.status | Should -BeIn @('WAITING', 'PROCESSING', 'FINISH')
        (Invoke-VodApi -Action $call.Action -Parameters @{ $call.IdName = $submitted.VodTaskId } -Raw) | Should -BeLike '{*'
    }

    It 'sends a few thousand random fileIds each exactly as given (seeded fuzz)' {
        $random = [System.Random]::new(20261125)
        # Printable ASCII with the URL-special characters, controls, accents, CJK and astral characters.
        $alphabet = [char[]](' !"#$%&''()*+,-./:;<=>?@[\]^_`{|}~' + "`t`n`r" + 'azAZ09éßøЖж中文字' + [char]0x7F + [char]0x01)
        $fileIds = foreach ($i in 1..2000) {
            $length = $random.Next(1, 40)
            $builder = [System.Text.StringBuilder]::new("f$i-")
            for ($j = 0; $j -lt $length; $j++) {
                if ($random.Next(20) -eq 0) { $null = $builder.Append([char]::ConvertFromUtf32(0x1F600 + $random.Next(50))) }
                else { $null = $builder.Append($alphabet[$random.Next($alphabet.Length)]) }
            }
            $builder.ToString()
        }

        $results = $fileIds | New-VodImageSprite -RequestsPerMinute 0 -ThrottleLimit 16

        @($results | Where-Object Status -NE 'Submitted').Count | Should -Be 0
        # Creates only: on a loaded machine an answer can time out, and the lookup that reconciles it names the fileId too.
        $received = @(Get-EmulatorLedger $emulator | Where-Object action -In 'CreateImageSprite', 'ProcessMedia' | ForEach-Object fileId)
        $received.Count | Should -Be 2000
        $missing = [System.Linq.Enumerable]::Except([string[]]$fileIds, [string[]]$received, [System.StringComparer]::Ordinal)
        @($missing).Count | Should -Be 0
    }

    It 'turns an HTML error page into an ErrorRecord with the HTTP status, and goes on' {
        $broken = Start-TestEmulator -ArgumentList '--fault-rate', '1', '--fault-kinds', 'http500'
        try {
            $results = 'html-1', 'html-2' | New-VodImageSprite -Endpoint $broken.Endpoint -Credential $broken.Credential -ApiVersion $ApiVersion -MaximumRetryCount 1 -RetryIntervalSec 0 -ErrorVariable failures -ErrorAction SilentlyContinue
            $results.Count | Should -Be 2
            $results.ErrorId | Should -Be @('HttpServerError', 'HttpServerError')
            $results.HttpStatus | Should -Be @(500, 500)
            $failures.Count | Should -Be 2
            $failures[0].CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        }
        finally { $broken | Stop-TestEmulator }
    }

    It 'does not follow a redirect, and reports it with its status' {
        $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $probe.Start(); $port = $probe.LocalEndpoint.Port; $probe.Stop()
        $listener = [System.Net.HttpListener]::new()
        $listener.Prefixes.Add("http://127.0.0.1:$port/")
        $listener.Start()
        try {
            # The redirecting server runs in a runspace of its own: the test's thread is busy in the cmdlet.
            $server = [powershell]::Create().AddScript({
                    param($listener, $port)
                    $count = 0
                    while ($true) {
                        $pending = $listener.GetContextAsync()
                        if (-not $pending.Wait(3000)) { return $count }
                        $count++
                        $context = $pending.Result
                        $context.Response.StatusCode = 302
                        $context.Response.RedirectLocation = "http://127.0.0.1:$port/elsewhere"
                        $context.Response.Close()
                    }
                }).AddArgument($listener).AddArgument($port)
            $answered = $server.BeginInvoke()
            $result = New-VodImageSprite -Endpoint "http://127.0.0.1:$port" -ApiVersion $ApiVersion -Credential $emulator.Credential -FileId 'redirected' -MaximumRetryCount 0 -ErrorAction SilentlyContinue -ErrorVariable failures
            $result.ErrorId | Should -Be 'UnexpectedHttpStatus'
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'UnexpectedHttpStatus,*'
            $failures[0].CategoryInfo.Category | Should -Be 'InvalidResult'
            $failures[0].TargetObject | Should -Be 'redirected'
            $result.HttpStatus | Should -Be 302
            $answered.AsyncWaitHandle.WaitOne(10000) | Should -BeTrue
            $server.EndInvoke($answered)[0] | Should -Be 1 -Because 'the redirect target must never be requested'
            $server.Dispose()
        }
        finally { $listener.Close() }
    }
}
