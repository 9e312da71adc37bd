import { describe, expect, expectTypeOf, it } from "vitest";
import * as z from "zod";
import { ReleaseItem } from "../../src/schemas/release.js";

/** The v1.7 sample of `GET /api/aslan/delivery/releases`, byte for byte from shared/api-docs (v1.11 page). */
const v17Releases = [
  {
    "versionInfo": {
      "id": "619dbaa8c528c2182225e8d9",
      "version": "test",
      "productName": "nginx2",
      "workflowName": "nginx2-ops-workflow",
      "taskId": 1,
      "desc": "test",
      "labels": [
        "test"
      ],
      "productEnvInfo": {
        "id": "000000000000000000000000",
        "product_name": "nginx2",
        "create_time": 0,
        "update_time": 0,
        "namespace": "nginx2-env-dev",
        "status": "",
        "revision": 0,
        "enabled": false,
        "env_name": "dev",
        "update_by": "",
        "auth": [],
        "visibility": "",
        "services": [
          [
            {
              "service_name": "nginx",
              "product_name": "nginx2",
              "type": "k8s",
              "revision": 1,
              "containers": [
                {
                  "name": "nginx-test",
                  "image": "ccr.ccs.tencentyun.com/koderover-rc/nginx-test:20211116230712-1-master"
                }
              ],
              "render": {
                "name": "nginx2-env-dev",
                "revision": 1,
                "product_tmpl": "nginx2",
                "description": ""
              }
            }
          ]
        ],
        "render": {
          "name": "nginx2-env-dev",
          "revision": 1,
          "product_tmpl": "nginx2",
          "description": ""
        },
        "error": "",
        "vars": [
          {
            "key": "NginxVersion",
            "value": "",
            "alias": "{{.NginxVersion}}",
            "state": "present",
            "services": [
              "nginx"
            ]
          },
          {
            "key": "customer",
            "value": "",
            "alias": "{{.customer}}",
            "state": "present",
            "services": [
              "nginx"
            ]
          }
        ],
        "isPublic": false,
        "roleIds": [],
        "recycle_day": 0,
        "source": "",
        "is_opensource": false
      },
      "createdBy": "admin",
      "created_at": 1637726888,
      "deleted_at": 0
    },
    "buildInfo": [],
    "deployInfo": [
      {
        "id": "619dbaa8c528c2182225e8da",
        "releaseId": "619dbaa8c528c2182225e8d9",
        "serviceName": "nginx/nginx-test",
        "containerName": "nginx-test",
        "image": "ccr.ccs.tencentyun.com/koderover-rc/nginx-test:20211116230712-1-master",
        "registry_id": "619dba6ac528c2182225e8d3",
        "yamlContents": [
          "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: nginx3\n  labels:\n    app: nginx3\n    tier: backend\n    version: \"\"\nspec:\n  type: NodePort\n  ports:\n  - port: 80\n  selector:\n    app: nginx3\n    tier: backend\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nginx3\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: nginx3\n      tier: backend\n      version: \"\"\n  template:\n    metadata:\n      labels:\n        app: nginx3\n        tier: backend\n        version: \"\"\n    spec:\n      containers:\n      - name: nginx-test\n        image: ccr.ccs.tencentyun.com/koderover-rc/nginx-test:20211116230712-1-master\n        ports:\n        - containerPort: 80\n        volumeMounts:\n          - name: static-page\n            mountPath: /usr/share/nginx/html\n      volumes:\n        - name: static-page\n          configMap:\n            name: static-page\n---\napiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: nginx-expose\nspec:\n  rules:\n  - host: dev-nginx-expose.app.8slan.com\n    http:\n      paths:\n      - backend:\n          serviceName: nginx\n          servicePort: 80\n        path: /\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: static-page\n  labels:\n    app.kubernetes.io/instance: poetry\n    app.kubernetes.io/name: poetry-portal-config\ndata:\n  index.html: |-\n        <!DOCTYPE html>\n        <html>\n        <head>\n            <meta charset=\"utf-8\" />\n            <meta http-equiv=\"X-UA-Compatible\" content=\"IE=edge\" />\n            <title> - Sliding Perspective</title>\n            <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n            <style>\n            html,\n            body {\n                width: 100%;\n                height: 100%;\n                margin: 0;\n                background: #00ff00;\n                overflow-y: hidden;\n            }\n\n            .bounce {\n                display: flex;\n                align-items: center;\n                justify-content: center;\n                width: 100%;\n                color: white;\n                height: 100%;\n                font: normal bold 6rem 'Product Sans', sans-serif;\n                white-space: nowrap;\n            }\n\n            .letter {\n                animation: bounce 0.75s cubic-bezier(0.05, 0, 0.2, 1) infinite alternate;\n                display: inline-block;\n                transform: translate3d(0, 0, 0);\n                margin-top: 0.5em;\n                text-shadow: rgba(255, 255, 255, 0.4) 0 0 0.05em;\n                font: normal 500 6rem 'Varela Round', sans-serif;\n                color:#fff;\n                color:#1989fa;\n\n            }\n\n            .letter:nth-of-type(1) {\n                animation-delay: -0.083333333s;\n            }\n            .letter:nth-of-type(3) {\n                animation-delay: 0.0833333333s;\n            }\n            .letter:nth-of-type(4) {\n                animation-delay: 0.1666666667s;\n            }\n            .letter:nth-of-type(5) {\n                animation-delay: 0.25s;\n            }\n            .letter:nth-of-type(6) {\n                animation-delay: 0.3333333333s;\n            }\n            .letter:nth-of-type(7) {\n                animation-delay: 0.4166666667s;\n            }\n\n            @keyframes bounce {\n                0% {\n                transform: translate3d(0, 0, 0);\n                text-shadow: rgba(255, 255, 255, 0.4) 0 0 0.05em;\n                }\n                100% {\n                transform: translate3d(0, -1em, 0);\n                text-shadow: rgba(255, 255, 255, 0.4) 0 1em 0.35em;\n                }\n            }\n            </style>\n        </head>\n        <body>\n            <div class=\"bounce\">\n            <span class=\"letter\">K</span><span class=\"letter\"></span><span class=\"letter\">o</span><span class=\"letter\">d</span><span class=\"letter\">e</span><span class=\"letter\">R</span\n            ><span class=\"letter\">o</span><span class=\"letter\">v</span><span class=\"letter\">e</span><span class=\"letter\">r</span>\n            </div>\n        </body>\n        </html>\n"
        ],
        "envs": [],
        "orderedServices": [
          [
            "nginx"
          ]
        ],
        "start_time": 1637726884,
        "end_time": 1637726888,
        "created_at": 1637726888,
        "deleted_at": 0
      }
    ],
    "testInfo": [],
    "distributeInfo": [],
    "securityStatsInfo": []
  }
];

const versionInfo = {
  id: "619dbaa8c528c2182225e8d9",
  version: "v2.0.0",
  productName: "shop",
  workflowName: "shop-helm-workflow",
  taskId: 12,
  createdBy: "ada",
  created_at: 1700000000,
};

/** Issues as compact `path: code` lines, for asserting what failed and where. */
function problems(data: unknown): string[] {
  const result = ReleaseItem.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => `${z.core.toDotPath(issue.path)}: ${issue.code}`);
}

describe("ReleaseItem", () => {
  it("accepts the v1.7 sample from the API docs, all six keys present, and returns it unchanged", () => {
    expect(v17Releases.map((item) => Object.keys(item))).toEqual([
      ["versionInfo", "buildInfo", "deployInfo", "testInfo", "distributeInfo", "securityStatsInfo"],
    ]);
    const result = z.array(ReleaseItem).safeParse(v17Releases);
    expect(result.success).toBe(true);
    expect(result.data).toEqual(v17Releases);
  });

  it("declares no transforms: the input and output types are the same (checked by tsc)", () => {
    expectTypeOf<z.input<typeof ReleaseItem>>().toEqualTypeOf<z.output<typeof ReleaseItem>>();
  });

  it("accepts a v1.8+ item that omits every empty array, as `verbosity=brief` returns it", () => {
    expect(ReleaseItem.safeParse({ versionInfo }).success).toBe(true);
  });

  it("accepts null for each array Zadig may omit", () => {
    const item = {
      versionInfo: { ...versionInfo, labels: null, productEnvInfo: null },
      buildInfo: null,
      deployInfo: null,
      testInfo: null,
      distributeInfo: null,
      securityStatsInfo: null,
    };
    expect(problems(item)).toEqual([]);
  });

  it("accepts the v1.8+ version fields type, status and workflowDisplayName, with progress null", () => {
    const item = {
      versionInfo: { ...versionInfo, type: "", status: "success", progress: null, workflowDisplayName: "Shop (helm)" },
    };
    expect(problems(item)).toEqual([]);
  });

  it("accepts a helm version's progress in the v1.8–2.1 shape", () => {
    const progress = { successChartCount: 1, totalChartCount: 2, packageStatus: "uploading", error: "" };
    expect(problems({ versionInfo: { ...versionInfo, type: "HelmChart", status: "creating", progress } })).toEqual([]);
  });

  it("accepts a helm version's progress in the v2.2+ shape", () => {
    const progress = { successCount: 2, totalCount: 2, uploadStatus: "success", workflowStatus: [], error: "" };
    expect(problems({ versionInfo: { ...versionInfo, type: "HelmChart", status: "success", progress } })).toEqual([]);
  });

  it("accepts an environment with registry_id, share_env, chart_infos and container image paths", () => {
    const productEnvInfo = {
      id: "000000000000000000000000",
      product_name: "shop",
      env_name: "dev",
      namespace: "shop-env-dev",
      registry_id: "619dba6ac528c2182225e8d3",
      share_env: { enable: false, is_base: false, base_env: "" },
      env_config_yamls: ["kind: ConfigMap"],
      services: [
        [
          {
            service_name: "cart",
            type: "helm",
            revision: 3,
            containers: [{ name: "cart", image: "reg/shop/cart:1", imagePath: { repo: "reg/shop", image: "cart", tag: "1" } }],
          },
        ],
      ],
      chart_infos: [{ service_name: "cart", chart_version: "0.1.0", values_yaml: "a: 1", override_yaml: { yaml_content: "" } }],
    };
    expect(problems({ versionInfo: { ...versionInfo, productEnvInfo } })).toEqual([]);
  });

  it("accepts a helm chart distribution whose subDistributes nest image rows", () => {
    const distributeInfo = [
      {
        distributeType: "chart",
        chartName: "cart",
        chartVersion: "0.1.0",
        chartRepoName: "shop-charts",
        s3StorageID: "",
        storageUrl: "",
        storageBucket: "",
        created_at: 1700000001,
        subDistributes: [
          { distributeType: "image", serviceName: "cart", registryName: "reg/shop/cart:1", s3StorageID: "", storageUrl: "" },
          { distributeType: "image", subDistributes: [{ distributeType: "image", registryName: "reg/shop/cart-init:1" }] },
        ],
      },
      { distributeType: "file", serviceName: "cart", packageFile: "cart.tar.gz", remoteFileKey: "k", destStorageUrl: "s3://b" },
    ];
    expect(problems({ versionInfo, distributeInfo })).toEqual([]);
  });

  it("reports a bad row nested in subDistributes at its full path", () => {
    const distributeInfo = [{ distributeType: "chart", subDistributes: [{ distributeType: "image" }, { registryName: "x" }] }];
    expect(problems({ versionInfo, distributeInfo })).toEqual(["distributeInfo[0].subDistributes[1].distributeType: invalid_type"]);
  });

  it("accepts a performance test report with testSuite null and string-valued rows next to a function suite", () => {
    const testInfo = [
      {
        releaseId: versionInfo.id,
        created_at: 1700000002,
        testReports: [
          {
            testName: "load",
            workflowName: "shop-helm-workflow",
            taskId: 12,
            testResultPath: "",
            testSuite: null,
            performanceTestSuite: [{ label: "GET /", samples: "100", average: "12", min: "3", max: "80", error: "0.00%", throughput: "9.5/s" }],
          },
          {
            testName: "api",
            taskId: 12,
            testSuite: { tests: 10, failures: 1, successes: 9, skips: 0, errors: 0, time: 1.25, testcase: [] },
            performanceTestSuite: [],
          },
        ],
      },
    ];
    expect(problems({ versionInfo, testInfo })).toEqual([]);
  });

  it("accepts security counts with Zadig's misspelled unkown and with a correct unknown", () => {
    const counts = { total: 3, critical: 0, high: 1, medium: 1, low: 1, negligible: 0 };
    const securityStatsInfo = [
      { imageName: "reg/shop/cart:1", imageId: "sha256:1", deliverySecurityStatsInfo: { ...counts, unkown: 0 } },
      { imageName: "reg/shop/web:1", imageId: "sha256:2", deliverySecurityStatsInfo: { ...counts, unknown: 2 } },
    ];
    expect(problems({ versionInfo, securityStatsInfo })).toEqual([]);
  });

  it("accepts build rows with null image and package info, Jira issues and commits that carry code-host secrets", () => {
    const buildInfo = [
      {
        serviceName: "cart",
        imageName: "reg/shop/cart:1",
        imageInfo: null,
        packageInfo: null,
        issues: [{ key: "SHOP-1", summary: "Fix cart", url: "https://jira/SHOP-1" }],
        commits: [
          {
            source: "gitlab",
            address: "https://gitlab.example.com",
            repo_owner: "shop",
            repo_name: "cart",
            branch: "main",
            pr: 7,
            commit_id: "4b15c43b012e7a4a901fdcfe33736ad1c3b53f48",
            is_primary: true,
            codehost_id: 1,
            oauth_token: "glpat-secret",
            username: "bot",
            password: "hunter2",
          },
        ],
        start_time: 1699999000,
        end_time: 1699999100,
        created_at: 1700000000,
      },
    ];
    expect(problems({ versionInfo, buildInfo })).toEqual([]);
  });

  it("accepts v2.3 display fields on deploy rows", () => {
    const deployInfo = [
      {
        serviceName: "cart/cart",
        containerName: "cart",
        image: "reg/shop/cart:1",
        yamlContents: [],
        orderedServices: [["cart"]],
        created_at: 1700000000,
        real_service_name: "cart",
        service_module: "cart",
        image_name: "cart",
      },
    ];
    expect(problems({ versionInfo, deployInfo })).toEqual([]);
  });

  it("keeps unknown fields at every depth", () => {
    const item = {
      futureTopLevel: { a: 1 },
      versionInfo: {
        ...versionInfo,
        futureVersionField: ["x"],
        productEnvInfo: {
          env_name: "dev",
          futureEnvField: true,
          services: [[{ service_name: "cart", containers: [{ name: "cart", image: "i", futureContainerField: 1 }] }]],
        },
      },
      distributeInfo: [{ distributeType: "chart", subDistributes: [{ distributeType: "image", futureNested: "kept" }] }],
    };
    const result = ReleaseItem.safeParse(item);
    expect(result.data).toEqual(item);
  });

  it("accepts an id written in uppercase hex", () => {
    expect(problems({ versionInfo: { ...versionInfo, id: "619DBAA8C528C2182225E8D9" } })).toEqual([]);
  });

  it("rejects an id that is not 24 hex digits, saying what an id looks like", () => {
    for (const id of ["619dbaa8c528c2182225e8d", "619dbaa8c528c2182225e8dz", ""]) {
      const result = ReleaseItem.safeParse({ versionInfo: { ...versionInfo, id } });
      expect(result.error?.issues).toMatchObject([{ path: ["versionInfo", "id"], message: "a 24-hex-digit id" }]);
    }
  });

  it("rejects a taskId written as a string or as a fraction", () => {
    expect(problems({ versionInfo: { ...versionInfo, taskId: "12" } })).toEqual(["versionInfo.taskId: invalid_type"]);
    expect(problems({ versionInfo: { ...versionInfo, taskId: 1.5 } })).toEqual(["versionInfo.taskId: invalid_type"]);
  });

  it("rejects a negative created_at", () => {
    expect(problems({ versionInfo: { ...versionInfo, created_at: -1 } })).toEqual(["versionInfo.created_at: too_small"]);
  });

  it("requires versionInfo and, inside it, the fields that identify a release", () => {
    expect(problems({ buildInfo: [] })).toEqual(["versionInfo: invalid_type"]);
    expect(problems({ versionInfo: {} })).toEqual([
      "versionInfo.id: invalid_type",
      "versionInfo.version: invalid_type",
      "versionInfo.productName: invalid_type",
      "versionInfo.workflowName: invalid_type",
      "versionInfo.taskId: invalid_type",
      "versionInfo.createdBy: invalid_type",
      "versionInfo.created_at: invalid_type",
    ]);
  });

  it("requires a deploy row's service, container, yamlContents, orderedServices and created_at", () => {
    expect(problems({ versionInfo, deployInfo: [{}] })).toEqual([
      "deployInfo[0].created_at: invalid_type",
      "deployInfo[0].serviceName: invalid_type",
      "deployInfo[0].containerName: invalid_type",
      "deployInfo[0].yamlContents: invalid_type",
      "deployInfo[0].orderedServices: invalid_type",
    ]);
  });

  it("rejects a numeric value in a performance row, where Zadig writes strings", () => {
    const testInfo = [{ testReports: [{ testName: "load", testSuite: null, performanceTestSuite: [{ average: 12 }] }] }];
    expect(problems({ versionInfo, testInfo })).toEqual(["testInfo[0].testReports[0].performanceTestSuite[0].average: invalid_type"]);
  });

  it("rejects a release item that is not an object", () => {
    expect(problems(null)).toEqual([": invalid_type"]);
    expect(problems([{ versionInfo }])).toEqual([": invalid_type"]);
  });
});
