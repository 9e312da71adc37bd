import { describe, expect, expectTypeOf, it } from "vitest";
import * as z from "zod";
import { Activity, Artifact } from "../../src/schemas/artifact.js";

/** The `GET /api/directory/dc/artifact` sample, byte for byte from shared/api-docs (v1.11 page). */
const artifactSample = {
  "id": "61b84bbcc19ba8cdb184cc53",
  "name": "picket",
  "type": "image",
  "source": "workflow",
  "image": "ccr.ccs.tencentyun.com/koderover-rc/picket:20211214154446-70-main-pr-736",
  "image_tag": "20211214154446-70-main-pr-736",
  "image_digest": "sha256:1d9ddf94feb5ff9ca9d76248ad51dd2a95210895d0dbf1e87bd66cc471c41f0e",
  "image_size": 22578466,
  "architecture": "amd64",
  "os": "linux",
  "created_by": "user1",
  "created_time": 1639467962,
  "activities": [
    {
      "artifact_id": "61b84bbcc19ba8cdb184cc53",
      "type": "build",
      "url": "/v1/projects/detail/zadig/pipelines/multi/dev2/70",
      "commits": [
        {
          "address": "https://github.com",
          "source": "github",
          "repo_owner": "koderover",
          "repo_name": "zadig",
          "branch": "main",
          "pr": 736,
          "commit_id": "4b15c43b012e7a4a901fdcfe33736ad1c3b53f48",
          "commit_message": "test",
          "author_name": "user1"
        }
      ],
      "start_time": 1639467890,
      "end_time": 1639467944,
      "created_by": "user1",
      "created_time": 1639467964
    }
  ],
  "sortedActivities": {
    "build": [
      {
        "artifact_id": "61b84bbcc19ba8cdb184cc53",
        "type": "build",
        "url": "/v1/projects/detail/zadig/pipelines/multi/dev2/70",
        "commits": [
          {
            "address": "https://github.com",
            "source": "github",
            "repo_owner": "koderover",
            "repo_name": "zadig",
            "branch": "main",
            "pr": 736,
            "commit_id": "4b15c43b012e7a4a901fdcfe33736ad1c3b53f48",
            "commit_message": "test",
            "author_name": "user1"
          }
        ],
        "start_time": 1639467890,
        "end_time": 1639467944,
        "created_by": "user1",
        "created_time": 1639467964
      }
    ]
  }
};

/** Issues as compact `path: code` lines. */
function problems(schema: z.ZodType, data: unknown): string[] {
  const result = schema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => `${z.core.toDotPath(issue.path)}: ${issue.code}`);
}

const fileArtifact = {
  name: "cart.tar.gz",
  type: "file",
  source: "workflow_v4",
  image_tag: "cart.tar.gz",
  package_file_location: "builds/cart",
  package_storage_uri: "minio.example.com/zadig",
  created_by: "ada",
  created_time: 1700000000,
  activities: [],
};

describe("Artifact", () => {
  it("declares no transforms: the input and output types are the same (checked by tsc)", () => {
    expectTypeOf<z.input<typeof Artifact>>().toEqualTypeOf<z.output<typeof Artifact>>();
  });

  it("accepts the artifact trace sample from the API docs and returns it unchanged", () => {
    const result = Artifact.safeParse(artifactSample);
    expect(result.success).toBe(true);
    expect(result.data).toEqual(artifactSample);
  });

  it("accepts a file artifact with no image, no activities and no sortedActivities", () => {
    expect(problems(Artifact, fileArtifact)).toEqual([]);
  });

  it("accepts the aslan-only fields id, docker_file and layers", () => {
    const layers = [{ media_type: "RUN make", size: 1024, digest: "sha256:a" }, { size: 0 }];
    expect(problems(Artifact, { ...fileArtifact, id: "61b84bbcc19ba8cdb184cc53", docker_file: "FROM scratch", layers })).toEqual([]);
  });

  it("keeps unknown fields on the artifact, its activities and their commits", () => {
    const [build] = artifactSample.activities;
    const activity = { ...build, job_task_name: "build-picket", futureActivityField: 1, commits: [{ ...build?.commits[0], prs: [736], futureCommitField: "x" }] };
    const artifact = { ...artifactSample, futureArtifactField: { nested: true }, activities: [activity], sortedActivities: { build: [activity] } };
    expect(Artifact.safeParse(artifact).data).toEqual(artifact);
  });

  it("requires the identifying fields and an activities array", () => {
    expect(problems(Artifact, { image: "reg/app:1" })).toEqual([
      "name: invalid_type",
      "type: invalid_type",
      "source: invalid_type",
      "image_tag: invalid_type",
      "created_by: invalid_type",
      "created_time: invalid_type",
      "activities: invalid_type",
    ]);
  });

  it("rejects a created_time written as a string and an image_size with a fraction", () => {
    expect(problems(Artifact, { ...fileArtifact, created_time: "1700000000", image_size: 1.5 })).toEqual([
      "image_size: invalid_type",
      "created_time: invalid_type",
    ]);
  });

  it("rejects sortedActivities whose groups are not arrays of activities", () => {
    expect(problems(Artifact, { ...fileArtifact, sortedActivities: { build: {} } })).toEqual(["sortedActivities.build: invalid_type"]);
    expect(problems(Artifact, { ...fileArtifact, sortedActivities: { build: [{ type: "build" }] } })).toEqual([
      "sortedActivities.build[0].created_by: invalid_type",
      "sortedActivities.build[0].created_time: invalid_type",
    ]);
  });
});

describe("Activity", () => {
  it("accepts comment, deploy and publish activities with their own optional fields", () => {
    const common = { created_by: "ada", created_time: 1700000000 };
    const activities = [
      { ...common, type: "comment", content: "looks good" },
      { ...common, type: "deploy", namespace: "shop-dev", env_name: "dev", url: "/v1/projects/detail/shop/envs/detail" },
      { ...common, type: "publish", publish_hosts: ["10.0.0.1"], publish_namespaces: ["prod"] },
      { ...common, type: "publish", remote_file_key: "k", dist_storage_url: "s3://a", src_storage_url: "s3://b" },
      { ...common, type: "test", issues: ["https://jira/SHOP-1"], start_time: 1699999000, end_time: 1699999100 },
    ];
    for (const activity of activities) expect(problems(Activity, activity)).toEqual([]);
  });

  it("requires a commit's repository and branch but not its PR or message", () => {
    const activity = { type: "build", created_by: "ada", created_time: 1, commits: [{ address: "https://github.com", repo_owner: "o", repo_name: "r" }] };
    expect(problems(Activity, activity)).toEqual(["commits[0].branch: invalid_type"]);
  });
});
