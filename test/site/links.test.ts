import { describe, expect, it } from "vitest";
import type { Commit } from "../../src/model/types.js";
import { commitLinks, relativeHref, safeHttpUrl } from "../../src/site/links.js";

/** The commit of the API docs' artifact sample, in model form; each test changes what it exercises. */
function commit(fields: Partial<Commit>): Commit {
  return {
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
    ...fields,
  };
}

const NO_LINKS = { repo: null, commit: null, branch: null, pr: null };

describe("safeHttpUrl", () => {
  it("accepts absolute http and https URLs, normalized", () => {
    expect(safeHttpUrl("https://github.com")).toBe("https://github.com/");
    expect(safeHttpUrl("http://gitlab.example.com:8080/group")).toBe("http://gitlab.example.com:8080/group");
    expect(safeHttpUrl("HTTPS://GitHub.com/koderover")).toBe("https://github.com/koderover");
  });

  it("ignores white space around an http URL", () => {
    expect(safeHttpUrl("  https://jira.example.com/browse/PAY-1\n")).toBe("https://jira.example.com/browse/PAY-1");
  });

  it.each([
    ["javascript:", "javascript:alert(1)"],
    ["javascript: after a leading space", " javascript:alert(1)"],
    ["upper-case JAVASCRIPT:", "JAVASCRIPT:alert(1)"],
    ["javascript: with a tab inside the scheme", "java\tscript:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["vbscript:", "vbscript:msgbox(1)"],
    ["a protocol-relative URL", "//evil.com/x"],
    ["a relative path", "../admin"],
    ["an absolute path", "/v1/projects/detail/zadig/pipelines/multi/dev2/70"],
    ["file:", "file:///etc/passwd"],
    ["ftp:", "ftp://example.com/x"],
    ["an empty string", ""],
    ["plain text", "not a url"],
  ])("rejects %s", (_kind, value) => {
    expect(safeHttpUrl(value)).toBeNull();
  });
});

describe("relativeHref", () => {
  it("links from a file at the site root with the target path unchanged", () => {
    expect(relativeHref("index.html", "img/no-registry/app/n--0123456789/index.html")).toBe("img/no-registry/app/n--0123456789/index.html");
  });

  it("climbs one level per folder of the current page", () => {
    expect(relativeHref("images/index.html", "index.html")).toBe("../index.html");
    expect(relativeHref("releases/pay/v1-619dbaa8c528c2182225e8d9/index.html", "img/a/index.html")).toBe("../../../img/a/index.html");
  });
});

describe("commitLinks", () => {
  it("builds GitHub repo, commit, tree and pull links", () => {
    expect(commitLinks(commit({}))).toEqual({
      repo: "https://github.com/koderover/zadig",
      commit: "https://github.com/koderover/zadig/commit/4b15c43b012e7a4a901fdcfe33736ad1c3b53f48",
      branch: "https://github.com/koderover/zadig/tree/main",
      pr: "https://github.com/koderover/zadig/pull/736",
    });
  });

  it("builds GitLab links with /-/ paths and merge requests", () => {
    expect(commitLinks(commit({ source: "gitlab", address: "https://gitlab.example.com/", owner: "pay", repo: "api", commitId: "abc123", pr: 12 }))).toEqual({
      repo: "https://gitlab.example.com/pay/api",
      commit: "https://gitlab.example.com/pay/api/-/commit/abc123",
      branch: "https://gitlab.example.com/pay/api/-/tree/main",
      pr: "https://gitlab.example.com/pay/api/-/merge_requests/12",
    });
  });

  it("builds Gitee links with pulls", () => {
    expect(commitLinks(commit({ source: "gitee", address: "https://gitee.com", owner: "acme", repo: "pay", commitId: "abc", pr: 3 }))).toEqual({
      repo: "https://gitee.com/acme/pay",
      commit: "https://gitee.com/acme/pay/commit/abc",
      branch: "https://gitee.com/acme/pay/tree/main",
      pr: "https://gitee.com/acme/pay/pulls/3",
    });
  });

  it("matches the provider name case-insensitively", () => {
    expect(commitLinks(commit({ source: "GitHub" })).pr).toBe("https://github.com/koderover/zadig/pull/736");
  });

  it("gives an unknown code host repo, commit and tree links but no pull-request link", () => {
    expect(commitLinks(commit({ source: "codehub", address: "https://code.example.com" }))).toEqual({
      repo: "https://code.example.com/koderover/zadig",
      commit: "https://code.example.com/koderover/zadig/commit/4b15c43b012e7a4a901fdcfe33736ad1c3b53f48",
      branch: "https://code.example.com/koderover/zadig/tree/main",
      pr: null,
    });
    expect(commitLinks(commit({ source: "" })).pr).toBeNull();
  });

  it("makes no link at all when the address is not http(s)", () => {
    expect(commitLinks(commit({ address: "javascript:alert(1)//" }))).toEqual(NO_LINKS);
    expect(commitLinks(commit({ address: " javascript:alert(1)" }))).toEqual(NO_LINKS);
    expect(commitLinks(commit({ address: "git@github.com:koderover" }))).toEqual(NO_LINKS);
    expect(commitLinks(commit({ address: "" }))).toEqual(NO_LINKS);
  });

  it("makes no link without a repository name", () => {
    expect(commitLinks(commit({ repo: "" }))).toEqual(NO_LINKS);
  });

  it("keeps GitLab subgroups in the owner as path segments", () => {
    const links = commitLinks(commit({ source: "gitlab", address: "https://gitlab.example.com", owner: "group/sub", repo: "app", commitId: "abc" }));
    expect(links.repo).toBe("https://gitlab.example.com/group/sub/app");
    expect(links.commit).toBe("https://gitlab.example.com/group/sub/app/-/commit/abc");
  });

  it("links the repository alone when there is no owner", () => {
    expect(commitLinks(commit({ owner: "" })).repo).toBe("https://github.com/zadig");
  });

  it("keeps the slashes of a branch name as path separators", () => {
    expect(commitLinks(commit({ branch: "feature/login-form" })).branch).toBe("https://github.com/koderover/zadig/tree/feature/login-form");
  });

  it("URL-encodes special characters in owner, repository, branch and commit id", () => {
    expect(commitLinks(commit({ owner: "my org", repo: "app#1", branch: "fix/a b?c%", commitId: "a/b", pr: null }))).toEqual({
      repo: "https://github.com/my%20org/app%231",
      commit: "https://github.com/my%20org/app%231/commit/a%2Fb",
      branch: "https://github.com/my%20org/app%231/tree/fix/a%20b%3Fc%25",
      pr: null,
    });
  });

  it("leaves out the links whose part is missing", () => {
    expect(commitLinks(commit({ commitId: "", branch: "", pr: null }))).toEqual({
      repo: "https://github.com/koderover/zadig",
      commit: null,
      branch: null,
      pr: null,
    });
  });

  it("keeps a path prefix of a self-hosted code host", () => {
    expect(commitLinks(commit({ source: "gitlab", address: "https://example.com/gitlab/", owner: "pay", repo: "api", pr: 1 })).pr).toBe(
      "https://example.com/gitlab/pay/api/-/merge_requests/1",
    );
  });
});

describe("commitLinks with source names that are Object.prototype members", () => {
  it.each(["constructor", "__proto__", "toString", "valueOf", "hasOwnProperty"])("treats %s as an unknown provider", (source) => {
    const links = commitLinks({ source, address: "https://github.com", owner: "o", repo: "r", branch: "main", tag: "", pr: 3, commitId: "abc", message: "", author: "" });
    expect(links).toEqual({ repo: "https://github.com/o/r", commit: "https://github.com/o/r/commit/abc", branch: "https://github.com/o/r/tree/main", pr: null });
  });
});
