// Tencent's official Node.js SDK (pinned in package-lock.json), unmodified, against the emulator: only the endpoint
// is overridden. Started by tests/Interop/Invoke-InteropSuite.ps1, which passes the emulators in environment
// variables; this file starts nothing. Run: npm ci && node --test
"use strict";

const { test } = require("node:test");
const assert = require("node:assert/strict");
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const tencentcloud = require("tencentcloud-sdk-nodejs-vod");
const TencentCloudSDKHttpException = require("tencentcloud-sdk-nodejs-common/tencentcloud/common/exception/tencent_cloud_sdk_exception").default;

const VodClient = tencentcloud.vod.v20180717.Client;

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this suite through tests/Interop/Invoke-InteropSuite.ps1.`);
  return value;
}

// http://127.0.0.1:PORT of an emulator with the default credential, and of one started with --token.
const emulator = new URL(required("VOD_EMULATOR_ENDPOINT"));
const tokenEmulator = new URL(required("VOD_EMULATOR_TOKEN_ENDPOINT"));
const credential = { secretId: required("VOD_EMULATOR_SECRET_ID"), secretKey: required("VOD_EMULATOR_SECRET_KEY") };
const token = required("VOD_EMULATOR_TOKEN");

function client({ host = emulator.host, signMethod, reqMethod, cred = credential } = {}) {
  // Only what a test sets: the SDK copies an undefined reqMethod over its "POST" default.
  const httpProfile = { endpoint: host, protocol: "http://", ...(reqMethod && { reqMethod }) };
  return new VodClient({ credential: cred, region: "ap-guangzhou", profile: { ...(signMethod && { signMethod }), httpProfile } });
}

async function rejection(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail("the call was expected to fail");
}

const localhost = `localhost:${emulator.port}`;
const modes = [
  { name: "TC3-HMAC-SHA256 over POST (the default)", options: {} },
  { name: "TC3-HMAC-SHA256 over GET", options: { reqMethod: "GET" } },
  { name: "HmacSHA1 (signature v1) over form POST", options: { signMethod: "HmacSHA1" } },
  { name: "HmacSHA256 (signature v1) over GET", options: { signMethod: "HmacSHA256", reqMethod: "GET" } },
];

for (const mode of modes) {
  for (const host of [emulator.host, localhost]) {
    test(`${mode.name} to ${host.replace(/:\d+$/, ":PORT")}`, async () => {
      const answer = await client({ host, ...mode.options }).DescribeTasks({ Limit: 1 });
      assert.ok(Array.isArray(answer.TaskSet));
      assert.match(answer.RequestId, /^[0-9a-f-]{36}$/);
    });
  }
}

test("submit, describe, list, pull and confirm events", async () => {
  const vod = client();
  const fileId = "5285890781763144364";

  const { TaskId } = await vod.ProcessMedia({ FileId: fileId, MediaProcessTask: { ImageSpriteTaskSet: [{ Definition: 10 }] } });
  assert.match(TaskId, /^Procedure-/);

  let detail;
  for (let attempt = 0; attempt < 100; attempt++) {
    detail = await vod.DescribeTaskDetail({ TaskId });
    if (detail.Status === "FINISH") break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.equal(detail.Status, "FINISH");
  assert.equal(detail.ProcedureTask.FileId, fileId);
  const sprite = detail.ProcedureTask.MediaProcessResultSet[0].ImageSpriteTask;
  assert.equal(sprite.Status, "SUCCESS");
  assert.ok(sprite.Output.ImageUrlSet.length > 0);

  const listed = await vod.DescribeTasks({ FileId: fileId, Status: "FINISH", Limit: 10 });
  assert.ok(listed.TaskSet.some((task) => task.TaskId === TaskId));

  let event;
  const handles = [];
  for (let attempt = 0; attempt < 50 && !event; attempt++) {
    const { EventSet } = await vod.PullEvents({});
    handles.push(...EventSet.map((item) => item.EventHandle));
    event = EventSet.find((item) => item.ProcedureStateChangeEvent && item.ProcedureStateChangeEvent.TaskId === TaskId);
  }
  assert.ok(event, "the task's ProcedureStateChanged event was pulled");
  assert.equal(event.EventType, "ProcedureStateChanged");

  const confirmed = await vod.ConfirmEvents({ EventHandles: handles.slice(0, 16) });
  assert.match(confirmed.RequestId, /^[0-9a-f-]{36}$/);
});

test("an error is the SDK's own TencentCloudSDKHttpException with the emulator's code", async () => {
  const error = await rejection(client().DescribeTaskDetail({ TaskId: "Procedure-does-not-exist" }));

  assert.ok(error instanceof TencentCloudSDKHttpException, `got ${error}`);
  assert.equal(error.code, "InvalidParameterValue.TaskId");
  assert.match(error.requestId, /^[0-9a-f-]{36}$/);
});

test("a wrong SecretKey is rejected: AuthFailure.SignatureFailure", async () => {
  for (const signMethod of [undefined, "HmacSHA256"]) {
    const error = await rejection(client({ signMethod, cred: { ...credential, secretKey: "not-the-key" } }).DescribeTasks({}));
    assert.ok(error instanceof TencentCloudSDKHttpException);
    assert.equal(error.code, "AuthFailure.SignatureFailure");
  }
});

test("temporary credentials: the token is sent as X-TC-Token (TC3) and Token (v1)", async () => {
  for (const signMethod of [undefined, "HmacSHA1"]) {
    const withToken = client({ host: tokenEmulator.host, signMethod, cred: { ...credential, token } });
    assert.ok(Array.isArray((await withToken.DescribeTasks({})).TaskSet));

    const error = await rejection(client({ host: tokenEmulator.host, signMethod }).DescribeTasks({}));
    assert.equal(error.code, "AuthFailure.TokenFailure");
  }
});

test("the Node.js snippet of the emulator README runs as written, the port aside", () => {
  const readme = fs.readFileSync(path.join(__dirname, "../../src/VodPowerShell.Emulator/README.md"), "utf8");
  const snippet = /<!-- interop:node -->\s*```js\n([\s\S]*?)```/.exec(readme);
  assert.ok(snippet, "README.md has a ```js block after <!-- interop:node -->");
  assert.ok(snippet[1].includes("127.0.0.1:5000"), "the snippet addresses 127.0.0.1:5000, the README's example port");

  // Beside node_modules, so require() finds the pinned SDK as it would in a user's project.
  const file = path.join(__dirname, `readme-snippet-${process.pid}.js`);
  fs.writeFileSync(file, snippet[1].replaceAll("127.0.0.1:5000", emulator.host));
  try {
    const output = execFileSync(process.execPath, [file], { encoding: "utf8", timeout: 60000 });
    assert.match(output, /Procedure-[0-9a-f]+ (WAITING|PROCESSING|FINISH)/);
  } finally {
    fs.rmSync(file, { force: true });
  }
});
