/**
 * One artifact trace from `GET /api/directory/dc/artifact?image=` (shared/zadig-data-model.md §B).
 * Loose objects, no transforms; arrays that may be absent also accept `null`, as in release.ts.
 */
import * as z from "zod";

import { Int, NonNegativeInt as Bytes, Text, UnixSeconds } from "./primitives.js";

/** A commit as the artifact trace reports it (picket's reduced copy of a build commit). */
export const ActivityCommit = z.looseObject({
  address: z.string(),
  source: Text,
  repo_owner: z.string(),
  repo_name: z.string(),
  branch: z.string(),
  pr: Int.optional(),
  prs: z.array(Int).nullish(),
  tag: Text,
  commit_id: Text,
  commit_message: Text,
  author_name: Text,
});
export type ActivityCommit = z.infer<typeof ActivityCommit>;

/** One event in an artifact's life: build, test, deploy, publish or comment (open string). */
export const Activity = z.looseObject({
  type: z.string(),
  created_by: z.string(),
  created_time: UnixSeconds,
  artifact_id: Text,
  job_task_name: Text,
  /** Portal-relative path such as `/v1/projects/detail/<project>/pipelines/multi/<workflow>/<task>`. */
  url: Text,
  content: Text,
  commits: z.array(ActivityCommit).nullish(),
  /** Jira issue URLs. */
  issues: z.array(z.string()).nullish(),
  namespace: Text,
  env_name: Text,
  publish_hosts: z.array(z.string()).nullish(),
  publish_namespaces: z.array(z.string()).nullish(),
  remote_file_key: Text,
  dist_storage_url: Text,
  src_storage_url: Text,
  start_time: UnixSeconds.optional(),
  end_time: UnixSeconds.optional(),
});
export type Activity = z.infer<typeof Activity>;

export const Layer = z.looseObject({
  media_type: Text,
  size: Int.optional(),
  digest: Text,
  urls: z.array(z.string()).nullish(),
});
export type Layer = z.infer<typeof Layer>;

/**
 * An image (or file) and the activities that produced and used it.
 * @example Artifact.safeParse(JSON.parse(text)).success // true for a saved `/dc/artifact` response
 */
export const Artifact = z.looseObject({
  id: Text,
  name: z.string(),
  /** "image" or "file" so far (open string). */
  type: z.string(),
  /** "workflow" or "workflow_v4" so far (open string). */
  source: z.string(),
  /** The full image reference; for file artifacts, the file name. */
  image: Text,
  image_hash: Text,
  image_tag: z.string(),
  image_digest: Text,
  image_size: Bytes.optional(),
  architecture: Text,
  os: Text,
  docker_file: Text,
  layers: z.array(Layer).nullish(),
  package_file_location: Text,
  package_storage_uri: Text,
  created_by: z.string(),
  created_time: UnixSeconds,
  /** Newest first. */
  activities: z.array(Activity),
  /** `activities` grouped by `type`; absent when there are none. */
  sortedActivities: z.record(z.string(), z.array(Activity)).optional(),
});
export type Artifact = z.infer<typeof Artifact>;
