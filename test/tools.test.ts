import { afterEach, describe, expect, it, vi } from "vitest";
import { toolAvailable } from "./tools.js";

describe("toolAvailable (how the browser and nginx tests treat a missing program)", () => {
  const ci = process.env["CI"];
  afterEach(() => {
    if (ci === undefined) delete process.env["CI"];
    else process.env["CI"] = ci;
    vi.restoreAllMocks();
  });

  it("finds an installed program", () => {
    expect(toolAvailable(process.execPath, "nodejs", "these tests")).toBe(true);
  });

  it("skips locally with one line naming the Debian package to install", () => {
    delete process.env["CI"];
    const written: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
    expect(toolAvailable("/nonexistent/chromium", "chromium", "the browser tests")).toBe(false);
    expect(written).toEqual(["skipping the browser tests: /nonexistent/chromium is missing; install it with `apt-get install chromium`\n"]);
  });

  it("fails instead of skipping under CI=true", () => {
    process.env["CI"] = "true";
    expect(() => toolAvailable("/nonexistent/nginx", "nginx-light", "the nginx tests")).toThrow(
      "the nginx tests: /nonexistent/nginx is missing; install it with `apt-get install nginx-light` (CI=true, so this fails instead of skipping)",
    );
  });
});
