import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { UsageError } from "../../src/cli/errors.js";
import { redactionPolicy, redactSecrets } from "../../src/importer/redact-secrets.js";
import { compileKeyPattern, DEFAULT_KEY_PATTERN } from "../../src/importer/redact-keys.js";
import { redactYamlSecrets, WITHHELD_YAML } from "../../src/importer/redact-yaml.js";

const keys = compileKeyPattern(DEFAULT_KEY_PATTERN);

describe("redactYamlSecrets", () => {
  it("replaces only the data and stringData values of a Secret, keeping every other byte of the text", () => {
    const text = [
      "---",
      "apiVersion: v1",
      "kind: Secret   # credentials",
      "metadata:",
      "  name: db",
      "  namespace: prod",
      "data:",
      "  DB_PASSWORD: aHVudGVyMg==  # base64",
      "  EMPTY:",
      "stringData:",
      '  token: "s3cr3t"',
      "  cert.pem: |",
      "    -----BEGIN CERT-----",
      "    abc",
      "type: Opaque",
      "---",
      "kind: ConfigMap",
      "data:",
      "  LOG_LEVEL: info",
      "",
    ].join("\n");

    const { text: redacted, redactions } = redactYamlSecrets(text, keys);

    expect(redacted).toBe(
      [
        "---",
        "apiVersion: v1",
        "kind: Secret   # credentials",
        "metadata:",
        "  name: db",
        "  namespace: prod",
        "data:",
        '  DB_PASSWORD: "[redacted]"  # base64',
        "  EMPTY:",
        "stringData:",
        '  token: "[redacted]"',
        '  cert.pem: "[redacted]"',
        "type: Opaque",
        "---",
        "kind: ConfigMap",
        "data:",
        "  LOG_LEVEL: info",
        "",
      ].join("\n"),
    );
    expect(redactions).toEqual([
      { detail: "document 1, Secret prod/db data.DB_PASSWORD", reason: "value of a Kubernetes Secret (data / stringData)" },
      { detail: "document 1, Secret prod/db stringData.token", reason: "value of a Kubernetes Secret (data / stringData)" },
      { detail: "document 1, Secret prod/db stringData.cert.pem", reason: "value of a Kubernetes Secret (data / stringData)" },
    ]);
  });

  it("leaves valid YAML whose redacted values read back as the string [redacted]", () => {
    const text = "kind: Secret\nmetadata: {name: a}\ndata: {x: eHl6, y: 'p w'}\nstringData:\n  z: >-\n    folded\n    text\n";

    const [document] = parseAllDocuments(redactYamlSecrets(text, keys).text);

    expect(document?.errors).toEqual([]);
    expect(document?.toJS()).toEqual({ kind: "Secret", metadata: { name: "a" }, data: { x: "[redacted]", y: "[redacted]" }, stringData: { z: "[redacted]" } });
  });

  it("finds Secrets inside a List, and removes the value behind an alias too", () => {
    const text = "kind: List\nitems:\n- kind: Secret\n  metadata:\n    annotations: {copy: &pw hunter2}\n  stringData:\n    pw: *pw\n";

    const { text: redacted } = redactYamlSecrets(text, keys);

    expect(redacted).not.toContain("hunter2");
    expect(redacted).toContain('pw: "[redacted]"');
  });

  it("replaces container env values whose name matches the key pattern, and no others", () => {
    const text = "kind: Deployment\nspec:\n  containers:\n  - env:\n    - name: LOG_LEVEL\n      value: debug\n    - name: GITLAB_TOKEN\n      value: glpat-123\n";

    const { text: redacted, redactions } = redactYamlSecrets(text, keys);

    expect(redacted).toBe("kind: Deployment\nspec:\n  containers:\n  - env:\n    - name: LOG_LEVEL\n      value: debug\n    - name: GITLAB_TOKEN\n      value: \"[redacted]\"\n");
    expect(redactions).toEqual([{ detail: "env GITLAB_TOKEN", reason: "container env value whose name matches the credential key pattern" }]);
  });

  it("finds credential env values written value-first, in flow style or as JSON, and leaves valueFrom alone", () => {
    const cases = [
      ["env:\n- value: hunter2\n  name: DB_PASSWORD\n", 'env:\n- value: "[redacted]"\n  name: DB_PASSWORD\n'],
      ["env: [{name: API_TOKEN, value: t0k}]\n", 'env: [{name: API_TOKEN, value: "[redacted]"}]\n'],
      ['{"env": [{"name": "API_KEY", "value": "k3y"}]}', '{"env": [{"name": "API_KEY", "value": "[redacted]"}]}'],
      ["env:\n- name: DB_PASSWORD\n  valueFrom:\n    secretKeyRef: {name: db, key: password}\n", "env:\n- name: DB_PASSWORD\n  valueFrom:\n    secretKeyRef: {name: db, key: password}\n"],
    ] as const;
    for (const [text, expected] of cases) expect(redactYamlSecrets(text, keys).text, text).toBe(expected);
  });

  it("withholds the whole text when it names a Secret but does not parse", () => {
    const text = "kind: Secret\ndata:\n  pw: [unclosed\n  other: x\n";

    expect(redactYamlSecrets(text, keys)).toEqual({
      text: WITHHELD_YAML,
      redactions: [{ detail: "whole text", reason: "YAML that names a Kubernetes Secret but could not be parsed: the whole text was withheld" }],
    });
  });

  it("returns text without a Secret or a credential-named env entry untouched, even when it does not parse", () => {
    for (const text of ["kind: Service\nspec: {}\n", "a: [unclosed\n", "", "kind: ConfigMap\ndata:\n  secret: not-a-secret-kind\n"]) {
      expect(redactYamlSecrets(text, keys)).toEqual({ text, redactions: [] });
    }
  });
});

describe("redactSecrets", () => {
  const policy = redactionPolicy();

  it("replaces the value of every {key, value} pair whose key names a credential, in vars and envs alike", () => {
    const release = {
      versionInfo: { productEnvInfo: { vars: [{ key: "APP_ENV", value: "prod" }, { key: "Db_Password", value: "hunter2", alias: "{{.Db_Password}}" }] } },
      deployInfo: [{ envs: [{ key: "AWS_SECRET_ACCESS_KEY", value: "abc" }, { key: "REPLICAS", value: "2" }, { key: "API_TOKEN", value: "" }] }],
    };

    const { value, redactions } = redactSecrets([release], "r.json", "", policy);

    expect(value).toEqual([
      {
        versionInfo: { productEnvInfo: { vars: [{ key: "APP_ENV", value: "prod" }, { key: "Db_Password", value: "[redacted]", alias: "{{.Db_Password}}" }] } },
        deployInfo: [{ envs: [{ key: "AWS_SECRET_ACCESS_KEY", value: "[redacted]" }, { key: "REPLICAS", value: "2" }, { key: "API_TOKEN", value: "" }] }],
      },
    ]);
    expect(redactions.map((redaction) => redaction.path)).toEqual(["[0].versionInfo.productEnvInfo.vars[1].value", "[0].deployInfo[0].envs[0].value"]);
  });

  it("redacts a credential value of the wrong type too, so no validation message can quote it", () => {
    const { value } = redactSecrets({ envs: [{ key: "PASSWORD", value: 12345 }] }, "r.json", "", policy);

    expect(value).toEqual({ envs: [{ key: "PASSWORD", value: "[redacted]" }] });
  });

  it("redacts the YAML texts of deploy rows and environment config, and lists each by path and detail", () => {
    const data = [{ deployInfo: [{ yamlContents: ["kind: Service\n", "kind: Secret\ndata:\n  a: b\n"] }], versionInfo: { productEnvInfo: { env_config_yamls: ["kind: Secret\nstringData: {c: d}\n"] } } }];

    const { value, redactions } = redactSecrets(data, "r.json", "", policy);

    expect(JSON.stringify(value)).not.toMatch(/a: b|c: d/);
    expect(redactions).toEqual([
      { file: "r.json", path: "[0].deployInfo[0].yamlContents[1]", detail: "Secret (unnamed) data.a", reason: "value of a Kubernetes Secret (data / stringData)" },
      { file: "r.json", path: "[0].versionInfo.productEnvInfo.env_config_yamls[0]", detail: "Secret (unnamed) stringData.c", reason: "value of a Kubernetes Secret (data / stringData)" },
    ]);
  });

  it("uses a custom key pattern instead of the default one", () => {
    const custom = redactionPolicy("^dsn$");
    const { value } = redactSecrets({ vars: [{ key: "DSN", value: "postgres://u:p@h" }, { key: "PASSWORD", value: "kept" }] }, "r.json", "", custom);

    expect(value).toEqual({ vars: [{ key: "DSN", value: "[redacted]" }, { key: "PASSWORD", value: "kept" }] });
  });

  it("still removes commit credentials, and returns unchanged subtrees as they were", () => {
    const untouched = { labels: ["a"] };
    const { value, redactions } = redactSecrets({ untouched, commits: [{ repo_name: "r", oauth_token: "t" }] }, "r.json", "", policy);

    expect(value).toEqual({ untouched, commits: [{ repo_name: "r" }] });
    expect(redactions.map((redaction) => redaction.path)).toEqual(["commits[0].oauth_token"]);
  });

  it("keeps a __proto__ key as data", () => {
    const input: unknown = JSON.parse('{"__proto__":{"x":1},"vars":[{"key":"TOKEN","value":"t"}]}');

    expect(JSON.stringify(redactSecrets(input, "f.json", "", policy).value)).toBe('{"__proto__":{"x":1},"vars":[{"key":"TOKEN","value":"[redacted]"}]}');
  });
});

describe("compileKeyPattern", () => {
  it("matches the default words anywhere in a key, ignoring case", () => {
    for (const key of ["DB_PASSWORD", "db_passwd", "apiToken", "AWS_SECRET_ACCESS_KEY", "sshKey", "GIT_CREDENTIALS"]) expect(keys.test(key), key).toBe(true);
    for (const key of ["APP_ENV", "REPLICAS", "LOG_LEVEL", "ADDRESS"]) expect(keys.test(key), key).toBe(false);
  });

  it("rejects an invalid or empty pattern as a usage error", () => {
    expect(() => compileKeyPattern("(unclosed")).toThrow(UsageError);
    expect(() => compileKeyPattern("  ")).toThrow(UsageError);
  });
});
