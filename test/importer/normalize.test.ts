import { describe, expect, it } from "vitest";
import { artifactKey, rawServiceName, toArtifactTrace, toRelease } from "../../src/importer/normalize.js";
import { Artifact } from "../../src/schemas/artifact.js";
import { ReleaseItem } from "../../src/schemas/release.js";
import { inMemoryRecord } from "../../src/model/raw-record.js";

const NGINX_IMAGE = "ccr.ccs.tencentyun.com/koderover-rc/nginx-test:20211116230712-1-master";

/** The v1.7 sample from shared/api-docs (all six keys present, empty arrays as []), with the YAML shortened. */
const v17Raw = {
  versionInfo: {
    id: "619dbaa8c528c2182225e8d9",
    version: "test",
    productName: "nginx2",
    workflowName: "nginx2-ops-workflow",
    taskId: 1,
    desc: "test",
    labels: ["test"],
    productEnvInfo: {
      id: "000000000000000000000000",
      product_name: "nginx2",
      create_time: 0,
      update_time: 0,
      namespace: "nginx2-env-dev",
      status: "",
      revision: 0,
      enabled: false,
      env_name: "dev",
      update_by: "",
      auth: [],
      visibility: "",
      services: [
        [
          {
            service_name: "nginx",
            product_name: "nginx2",
            type: "k8s",
            revision: 1,
            containers: [{ name: "nginx-test", image: NGINX_IMAGE }],
            render: { name: "nginx2-env-dev", revision: 1, product_tmpl: "nginx2", description: "" },
          },
        ],
      ],
      render: { name: "nginx2-env-dev", revision: 1, product_tmpl: "nginx2", description: "" },
      error: "",
      vars: [
        { key: "NginxVersion", value: "", alias: "{{.NginxVersion}}", state: "present", services: ["nginx"] },
        { key: "customer", value: "", alias: "{{.customer}}", state: "present", services: ["nginx"] },
      ],
      isPublic: false,
      roleIds: [],
      recycle_day: 0,
      source: "",
      is_opensource: false,
    },
    createdBy: "admin",
    created_at: 1637726888,
    deleted_at: 0,
  },
  buildInfo: [],
  deployInfo: [
    {
      id: "619dbaa8c528c2182225e8da",
      releaseId: "619dbaa8c528c2182225e8d9",
      serviceName: "nginx/nginx-test",
      containerName: "nginx-test",
      image: NGINX_IMAGE,
      registry_id: "619dba6ac528c2182225e8d3",
      yamlContents: ["---\napiVersion: v1\nkind: Service\nmetadata:\n  name: nginx3\n"],
      envs: [],
      orderedServices: [["nginx"]],
      start_time: 1637726884,
      end_time: 1637726888,
      created_at: 1637726888,
      deleted_at: 0,
    },
  ],
  testInfo: [],
  distributeInfo: [],
  securityStatsInfo: [],
};

/** A v1.8+ item: upper-case id, empty arrays omitted, type/status/progress and registry_id present, every section filled. */
const v18Raw = {
  versionInfo: {
    id: "61B84BBCC19BA8CDB184CC53",
    version: "v2.0.0",
    productName: "pay",
    workflowName: "pay-ops",
    workflowDisplayName: "Pay ops",
    taskId: 42,
    desc: "",
    productEnvInfo: {
      env_name: "prod",
      namespace: "pay-prod",
      registry_id: "61b84b00c19ba8cdb184cc00",
      services: [
        [
          {
            service_name: "api",
            type: "k8s",
            containers: [
              { name: "api", image: "reg.example.com/pay/api:v2" },
              { name: "envoy", image: "reg.example.com/base/envoy:1.20" },
            ],
          },
        ],
        [{ service_name: "web", containers: [{ name: "web", image: "reg.example.com/pay/web:v2" }] }],
      ],
      vars: [{ key: "replicas", value: "3" }],
    },
    createdBy: "ops",
    created_at: 1639467962,
    type: "k8s",
    status: "success",
    progress: { successCount: 1, totalCount: 1, uploadStatus: "success" },
  },
  buildInfo: [
    {
      serviceName: "api",
      imageName: "reg.example.com/pay/api:v2",
      packageInfo: null,
      commits: [
        {
          source: "github",
          address: "https://github.com",
          repo_owner: "acme",
          repo_name: "pay",
          branch: "main",
          pr: 736,
          commit_id: "4b15c43b012e7a4a901fdcfe33736ad1c3b53f48",
          commit_message: "fix rounding",
          author_name: "dev1",
          is_primary: true,
        },
      ],
      issues: [{ key: "PAY-1", summary: "rounding", url: "https://jira.example.com/browse/PAY-1" }],
      start_time: 1639467890,
      end_time: 1639467944,
    },
    { serviceName: "migrate", imageName: "reg.example.com/pay/migrate:v2" },
  ],
  deployInfo: [
    {
      serviceName: "web/web",
      containerName: "web",
      image: "reg.example.com/pay/web:v2",
      yamlContents: [],
      orderedServices: [["api"], ["web"]],
      created_at: 1639467960,
    },
    {
      serviceName: "api/api",
      containerName: "api",
      image: "reg.example.com/pay/api:v2",
      yamlContents: [],
      orderedServices: [["api"], ["web"]],
      created_at: 1639467960,
    },
    { serviceName: "team/worker/runner", containerName: "runner", yamlContents: [], orderedServices: [], created_at: 1639467960 },
    { serviceName: "legacy/job", containerName: "job-main", image: "", yamlContents: [], orderedServices: [], created_at: 1639467960 },
  ],
  testInfo: [
    {
      testReports: [
        {
          testName: "api-it",
          workflowName: "pay-ops",
          taskId: 42,
          testResultPath: "/results/api-it",
          testSuite: { tests: 10, failures: 1, skips: 2, errors: 0, time: 1.5, testcase: [] },
          performanceTestSuite: [],
        },
        {
          testName: "load",
          testSuite: null,
          performanceTestSuite: [{ label: "GET /", samples: "100", average: "12", min: "3", max: "90", error: "0.00%", throughput: "50.2/sec" }],
        },
      ],
    },
  ],
  securityStatsInfo: [
    {
      imageName: "reg.example.com/pay/api:v2",
      imageId: "sha256:abc",
      deliverySecurityStatsInfo: { total: 9, critical: 1, high: 2, medium: 1, low: 0, negligible: 0, unkown: 2, unknown: 3 },
    },
    { imageName: "reg.example.com/pay/web:v2", deliverySecurityStatsInfo: { total: 0, critical: 0, high: 0, medium: 0, low: 0 } },
  ],
};

const v17 = () => toRelease(ReleaseItem.parse(v17Raw), inMemoryRecord(v17Raw), "v17/releases.json");
const v18 = () => toRelease(ReleaseItem.parse(v18Raw), inMemoryRecord(v18Raw), "v18/releases.json");

/** The smallest item the schema accepts: versionInfo alone. */
const minimalRaw = {
  versionInfo: { id: "0123456789abcdef01234567", version: "v1", productName: "p", workflowName: "w", taskId: 1, createdBy: "u", created_at: 1 },
};

describe("toRelease", () => {
  it("turns the v1.7 sample into the release model", () => {
    expect(v17()).toEqual({
      id: "619dbaa8c528c2182225e8d9",
      version: "test",
      project: "nginx2",
      workflow: "nginx2-ops-workflow",
      workflowDisplayName: "",
      taskId: 1,
      type: "",
      status: "",
      description: "test",
      labels: ["test"],
      createdBy: "admin",
      createdAt: 1637726888,
      environment: {
        name: "dev",
        namespace: "nginx2-env-dev",
        registryId: "",
        groups: [[{ name: "nginx", type: "k8s", containers: [{ name: "nginx-test", image: NGINX_IMAGE }] }]],
        vars: [
          { key: "NginxVersion", value: "", alias: "{{.NginxVersion}}", services: ["nginx"] },
          { key: "customer", value: "", alias: "{{.customer}}", services: ["nginx"] },
        ],
      },
      deploys: [
        {
          service: "nginx",
          container: "nginx-test",
          image: NGINX_IMAGE,
          yaml: ["---\napiVersion: v1\nkind: Service\nmetadata:\n  name: nginx3\n"],
          startTime: 1637726884,
          endTime: 1637726888,
        },
      ],
      builds: [],
      tests: [],
      distributions: [],
      security: [],
      orderedServices: [["nginx"]],
      serviceNames: ["nginx"],
      imageRefs: [NGINX_IMAGE],
      raw: expect.objectContaining({ json: expect.any(Function) }),
      sourceFile: "v17/releases.json",
    });
    expect(v17().raw.json()).toBe(JSON.stringify(v17Raw, null, 2));
  });

  it("lower-cases the id", () => {
    expect(v18().id).toBe("61b84bbcc19ba8cdb184cc53");
  });

  it("keeps the v1.8+ version fields", () => {
    expect(v18()).toMatchObject({
      version: "v2.0.0",
      project: "pay",
      workflow: "pay-ops",
      workflowDisplayName: "Pay ops",
      taskId: 42,
      type: "k8s",
      status: "success",
      description: "",
      labels: [],
      createdBy: "ops",
      createdAt: 1639467962,
      environment: { name: "prod", namespace: "pay-prod", registryId: "61b84b00c19ba8cdb184cc00" },
      orderedServices: [["api"], ["web"]],
    });
  });

  it("derives service names from deploy rows without the container suffix, keeping other slashes", () => {
    const release = v18();
    expect(release.deploys.map((deploy) => [deploy.service, deploy.container])).toEqual([
      ["web", "web"],
      ["api", "api"],
      ["team/worker", "runner"],
      ["legacy/job", "job-main"],
    ]);
    expect(release.serviceNames).toEqual(["api", "legacy/job", "team/worker", "web"]);
  });

  it("collects distinct image references from deploy rows, environment containers and builds, sorted", () => {
    expect(v18().imageRefs).toEqual([
      "reg.example.com/base/envoy:1.20",
      "reg.example.com/pay/api:v2",
      "reg.example.com/pay/migrate:v2",
      "reg.example.com/pay/web:v2",
    ]);
  });

  it("records a deploy row without an image (absent or empty) as image null", () => {
    expect(v18().deploys.map((deploy) => deploy.image)).toEqual(["reg.example.com/pay/web:v2", "reg.example.com/pay/api:v2", null, null]);
  });

  it("leaves empty image names out of the image references", () => {
    const raw = {
      ...minimalRaw,
      versionInfo: { ...minimalRaw.versionInfo, productEnvInfo: { env_name: "dev", services: [[{ service_name: "s", containers: [{ name: "c", image: "" }] }]] } },
      buildInfo: [{ serviceName: "s", imageName: "" }],
    };
    expect(toRelease(ReleaseItem.parse(raw), inMemoryRecord(raw), "f.json").imageRefs).toEqual([]);
  });

  it("keeps builds with their commits, Jira issues and times", () => {
    expect(v18().builds).toEqual([
      {
        service: "api",
        imageName: "reg.example.com/pay/api:v2",
        commits: [
          {
            source: "github",
            address: "https://github.com",
            owner: "acme",
            repo: "pay",
            branch: "main",
            tag: "",
            pr: 736,
            commitId: "4b15c43b012e7a4a901fdcfe33736ad1c3b53f48",
            message: "fix rounding",
            author: "dev1",
          },
        ],
        issues: [{ key: "PAY-1", summary: "rounding", url: "https://jira.example.com/browse/PAY-1", priority: "", assignee: "", reporter: "" }],
        packageFile: null,
        startTime: 1639467890,
        endTime: 1639467944,
      },
      { service: "migrate", imageName: "reg.example.com/pay/migrate:v2", commits: [], issues: [], packageFile: null, startTime: null, endTime: null },
    ]);
  });

  it("keeps function test suites and performance reports whose testSuite is null", () => {
    expect(v18().tests).toEqual([
      {
        name: "api-it",
        workflow: "pay-ops",
        taskId: 42,
        resultPath: "/results/api-it",
        suite: { tests: 10, failures: 1, errors: 0, skips: 2, time: 1.5 },
        performance: [],
      },
      {
        name: "load",
        workflow: "",
        taskId: 0,
        resultPath: "",
        suite: null,
        performance: [
          { label: "GET /", samples: "100", average: "12", min: "3", max: "90", line: "", stdDev: "", error: "0.00%", throughput: "50.2/sec" },
        ],
      },
    ]);
  });

  it("sums Zadig's misspelled `unkown` count with `unknown`", () => {
    expect(v18().security).toEqual([
      { imageName: "reg.example.com/pay/api:v2", imageId: "sha256:abc", total: 9, critical: 1, high: 2, medium: 1, low: 0, negligible: 0, unknown: 5 },
      { imageName: "reg.example.com/pay/web:v2", imageId: "", total: 0, critical: 0, high: 0, medium: 0, low: 0, negligible: 0, unknown: 0 },
    ]);
  });

  it("fills every list with [] when the v1.8+ export omits it", () => {
    expect(toRelease(ReleaseItem.parse(minimalRaw), inMemoryRecord(minimalRaw), "min.json")).toMatchObject({
      labels: [],
      environment: null,
      deploys: [],
      builds: [],
      tests: [],
      distributions: [],
      security: [],
      orderedServices: [],
      serviceNames: [],
      imageRefs: [],
    });
  });

  it("has no environment when productEnvInfo is null", () => {
    const raw = { ...minimalRaw, versionInfo: { ...minimalRaw.versionInfo, productEnvInfo: null, labels: null } };
    const release = toRelease(ReleaseItem.parse(raw), inMemoryRecord(raw), "null-env.json");
    expect(release.environment).toBeNull();
    expect(release.labels).toEqual([]);
  });

  it("keeps helm distributions with their nested images", () => {
    const raw = {
      ...minimalRaw,
      distributeInfo: [
        {
          distributeType: "chart",
          chartName: "pay",
          chartVersion: "2.0.0",
          chartRepoName: "charts",
          subDistributes: [{ distributeType: "image", serviceName: "api", registryName: "reg.example.com/pay/api:v2", namespace: "pay" }],
        },
      ],
    };
    expect(toRelease(ReleaseItem.parse(raw), inMemoryRecord(raw), "helm.json").distributions).toEqual([
      {
        type: "chart",
        service: "",
        target: "",
        namespace: "",
        packageFile: "",
        chartName: "pay",
        chartVersion: "2.0.0",
        chartRepoName: "charts",
        children: [
          {
            type: "image",
            service: "api",
            target: "reg.example.com/pay/api:v2",
            namespace: "pay",
            packageFile: "",
            chartName: "",
            chartVersion: "",
            chartRepoName: "",
            children: [],
          },
        ],
      },
    ]);
  });

  it("keeps the raw record it was given and the file it came from", () => {
    const raw = inMemoryRecord(v18Raw);
    const release = toRelease(ReleaseItem.parse(v18Raw), raw, "v18/releases.json");
    expect(release.raw).toBe(raw);
    expect(release.raw.json()).toBe(JSON.stringify(v18Raw, null, 2));
    expect(release.sourceFile).toBe("v18/releases.json");
  });
});

describe("rawServiceName", () => {
  it("removes the /<container> suffix Zadig adds to deploy rows", () => {
    expect(rawServiceName("nginx/nginx-test", "nginx-test")).toBe("nginx");
  });

  it("keeps a name that contains a slash but does not end with the container", () => {
    expect(rawServiceName("team/api", "web")).toBe("team/api");
  });

  it("removes only the container suffix from a service name that itself contains a slash", () => {
    expect(rawServiceName("team/api/web", "web")).toBe("team/api");
  });

  it("does not strip a suffix that only ends with the container's text", () => {
    expect(rawServiceName("nginx/my-web", "web")).toBe("nginx/my-web");
  });

  it("keeps the name whole when there is no container", () => {
    expect(rawServiceName("nginx", "")).toBe("nginx");
    expect(rawServiceName("a/", "")).toBe("a/");
  });

  it("keeps a name equal to its container", () => {
    expect(rawServiceName("nginx-test", "nginx-test")).toBe("nginx-test");
  });
});

const picketRaw = {
  name: "picket",
  type: "image",
  source: "workflow",
  image: "ccr.ccs.tencentyun.com/koderover-rc/picket:20211214154446-70-main-pr-736",
  image_tag: "20211214154446-70-main-pr-736",
  image_digest: "sha256:1d9ddf94feb5ff9ca9d76248ad51dd2a95210895d0dbf1e87bd66cc471c41f0e",
  image_size: 22578466,
  architecture: "amd64",
  os: "linux",
  created_by: "user1",
  created_time: 1639467962,
  activities: [
    {
      type: "build",
      url: "/v1/projects/detail/zadig/pipelines/multi/dev2/70",
      commits: [
        {
          address: "https://github.com",
          source: "github",
          repo_owner: "koderover",
          repo_name: "zadig",
          branch: "main",
          pr: 736,
          commit_id: "4b15c43b012e7a4a901fdcfe33736ad1c3b53f48",
          commit_message: "test",
          author_name: "user1",
        },
      ],
      start_time: 1639467890,
      end_time: 1639467944,
      created_by: "user1",
      created_time: 1639467964,
    },
    { type: "comment", content: "ok to ship", created_by: "qa", created_time: 1639470000 },
    { type: "test", created_by: "user1", created_time: 1639467968, namespace: "zadig-qa", env_name: "qa" },
  ],
};

describe("artifactKey", () => {
  it("keys an image artifact by its exact image reference", () => {
    expect(artifactKey(Artifact.parse(picketRaw))).toBe("ccr.ccs.tencentyun.com/koderover-rc/picket:20211214154446-70-main-pr-736");
  });

  it("keys an artifact without an image by its name", () => {
    const { image: _image, ...file } = { ...picketRaw, name: "dist.tar.gz", type: "file" };
    expect(artifactKey(Artifact.parse(file))).toBe("dist.tar.gz");
  });

  it("keys an artifact with an empty image by its name", () => {
    expect(artifactKey(Artifact.parse({ ...picketRaw, name: "dist.tar.gz", image: "" }))).toBe("dist.tar.gz");
  });
});

describe("toArtifactTrace", () => {
  it("turns an artifact response into a trace with its activities newest first", () => {
    const trace = toArtifactTrace(Artifact.parse(picketRaw), inMemoryRecord(picketRaw), "picket.json");

    expect(trace).toEqual({
      name: "picket",
      type: "image",
      source: "workflow",
      tag: "20211214154446-70-main-pr-736",
      digest: "sha256:1d9ddf94feb5ff9ca9d76248ad51dd2a95210895d0dbf1e87bd66cc471c41f0e",
      size: 22578466,
      architecture: "amd64",
      os: "linux",
      createdBy: "user1",
      createdTime: 1639467962,
      packageLocation: "",
      packageStorageUri: "",
      activities: [
        { type: "comment", createdBy: "qa", createdTime: 1639470000, startTime: null, endTime: null, url: "", content: "ok to ship", namespace: "", envName: "", commits: [], issues: [] },
        { type: "test", createdBy: "user1", createdTime: 1639467968, startTime: null, endTime: null, url: "", content: "", namespace: "zadig-qa", envName: "qa", commits: [], issues: [] },
        {
          type: "build",
          createdBy: "user1",
          createdTime: 1639467964,
          startTime: 1639467890,
          endTime: 1639467944,
          url: "/v1/projects/detail/zadig/pipelines/multi/dev2/70",
          content: "",
          namespace: "",
          envName: "",
          commits: [
            {
              source: "github",
              address: "https://github.com",
              owner: "koderover",
              repo: "zadig",
              branch: "main",
              tag: "",
              pr: 736,
              commitId: "4b15c43b012e7a4a901fdcfe33736ad1c3b53f48",
              message: "test",
              author: "user1",
            },
          ],
          issues: [],
        },
      ],
      raw: expect.objectContaining({ json: expect.any(Function) }),
      sourceFile: "picket.json",
    });
    expect(trace.raw.json()).toBe(JSON.stringify(picketRaw, null, 2));
  });

  it("does not reorder the input's activities", () => {
    const activities = picketRaw.activities.map((activity) => activity.created_time);
    toArtifactTrace(Artifact.parse(picketRaw), inMemoryRecord(picketRaw), "picket.json");
    expect(picketRaw.activities.map((activity) => activity.created_time)).toEqual(activities);
  });

  it("keeps activities with the same time in their exported order", () => {
    const raw = {
      ...picketRaw,
      activities: [
        { type: "build", created_by: "a", created_time: 100 },
        { type: "test", created_by: "b", created_time: 200 },
        { type: "comment", created_by: "c", created_time: 100 },
      ],
    };
    expect(toArtifactTrace(Artifact.parse(raw), inMemoryRecord(raw), "f.json").activities.map((activity) => activity.type)).toEqual(["test", "build", "comment"]);
  });

  it("fills defaults for a file artifact without image metadata", () => {
    const raw = { name: "dist.tar.gz", type: "file", source: "workflow_v4", image_tag: "dist.tar.gz", created_by: "u", created_time: 5, activities: [] };
    expect(toArtifactTrace(Artifact.parse(raw), inMemoryRecord(raw), "file.json")).toMatchObject({
      digest: "",
      size: null,
      architecture: "",
      os: "",
      packageLocation: "",
      packageStorageUri: "",
      activities: [],
    });
  });
});
