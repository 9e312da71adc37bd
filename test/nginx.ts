import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { createServer, connect } from "node:net";
import path from "node:path";
import { HOSTING_FILES } from "../src/hosting/layout.js";
import { NGINX } from "./tools.js";

export interface RunningNginx {
  readonly port: number;
  readonly errorLog: string;
  stop(): Promise<void>;
}

export interface RawResponse {
  readonly status: number;
  readonly contentType: string;
  readonly body: Buffer;
}

/**
 * The nginx.conf a user would write: their own http/server blocks, with the snapshot's two generated
 * includes. Everything nginx writes (pid, logs, temp files) stays under `prefix`.
 */
export function nginxConfig(site: string, prefix: string, port: number): string {
  const temp = (name: string) => path.join(prefix, "temp", name);
  return `daemon off;
master_process on;
worker_processes 1;
pid ${path.join(prefix, "nginx.pid")};
error_log ${path.join(prefix, "error.log")} info;
events { worker_connections 64; }
http {
    types { text/html html; text/css css; text/javascript js; application/json json; }
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path ${temp("body")};
    proxy_temp_path ${temp("proxy")};
    fastcgi_temp_path ${temp("fastcgi")};
    uwsgi_temp_path ${temp("uwsgi")};
    scgi_temp_path ${temp("scgi")};
    include ${path.join(site, HOSTING_FILES.nginxMaps)};
    server {
        listen 127.0.0.1:${port};
        root ${site};
        index index.html;
        include ${path.join(site, HOSTING_FILES.nginxLocations)};
    }
}
`;
}

/** `nginx -t` on a config: whether it loads, and what nginx said. */
export function testConfig(configFile: string, prefix: string): { ok: boolean; output: string } {
  const run = spawnSync(NGINX, ["-t", "-p", prefix, "-c", configFile, "-e", path.join(prefix, "error.log")], { encoding: "utf8" });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

/**
 * Starts nginx on a free loopback port with the generated glue; retries if another process takes the port first.
 * Run as root, nginx's workers are `nobody`: the site's temporary parent folder (mode 0700) is opened to 0755, so
 * that files next to the site are readable and only the glue keeps them from being served.
 */
export async function startNginx(site: string, prefix: string): Promise<RunningNginx> {
  chmodSync(path.dirname(site), 0o755);
  mkdirSync(path.join(prefix, "temp"), { recursive: true });
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const configFile = path.join(prefix, "nginx.conf");
    writeFileSync(configFile, nginxConfig(site, prefix, port));
    const checked = testConfig(configFile, prefix);
    if (!checked.ok) throw new Error(`nginx -t rejected the generated glue:\n${checked.output}`);
    const child = spawn(NGINX, ["-p", prefix, "-c", configFile, "-e", path.join(prefix, "error.log")], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    if (await listening(port, child)) {
      return { port, errorLog: path.join(prefix, "error.log"), stop: () => stop(child) };
    }
    await stop(child);
    if (attempt === 3) throw new Error(`nginx did not start:\n${stderr}\n${readFileSync(path.join(prefix, "error.log"), "utf8")}`);
  }
}

/** GET with the path sent byte for byte (no URL normalization, unlike fetch). */
export function rawGet(port: number, rawPath: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: rawPath, method: "GET", agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, contentType: response.headers["content-type"] ?? "", body: Buffer.concat(chunks) }));
      response.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function listening(port: number, child: ChildProcess): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) return false;
    const connected = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => (socket.destroy(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (connected) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

/** SIGQUIT is nginx's graceful stop; the master takes its workers with it. */
function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    child.once("exit", () => (clearTimeout(timer), resolve()));
    child.kill("SIGQUIT");
  });
}
