import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { CHROMIUM } from "./tools.js";

/**
 * The Debian Chromium, headless, with every background service that could phone home switched off.
 * Playwright gives each launch a fresh temporary --user-data-dir of its own (and adds --no-sandbox).
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** Everything a page did that a reader would count as broken, or that left the machine. */
export interface PageWatch {
  readonly requests: string[];
  readonly problems: string[];
}

/** A request stays on the machine when it is a local file or the loopback test server. */
export function isLocal(url: string): boolean {
  return url.startsWith("file://") || /^http:\/\/127\.0\.0\.1(?::\d+)?\//.test(url) || url.startsWith("about:") || url.startsWith("data:");
}

/**
 * A context whose pages record every request, console error, page error, failed request and HTTP error;
 * any request that would leave the machine is aborted and recorded as a problem.
 */
export async function watchedContext(browser: Browser, options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; watch: PageWatch }> {
  const context = await browser.newContext(options);
  const watch: PageWatch = { requests: [], problems: [] };
  await context.route(
    (url) => !isLocal(url.href),
    (route) => {
      watch.problems.push(`request leaving the machine: ${route.request().url()}`);
      return route.abort("blockedbyclient");
    },
  );
  context.on("page", (page) => observe(page, watch));
  return { context, watch };
}

function observe(page: Page, watch: PageWatch): void {
  page.on("request", (request) => {
    watch.requests.push(request.url());
    if (!isLocal(request.url())) watch.problems.push(`request leaving the machine: ${request.url()}`);
  });
  page.on("requestfailed", (request) => watch.problems.push(`failed request: ${request.url()} (${request.failure()?.errorText ?? "?"})`));
  page.on("response", (response) => {
    if (response.status() >= 400) watch.problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") watch.problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => watch.problems.push(`page error: ${error.message}`));
}
