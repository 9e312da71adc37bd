// Eleventy 3 ships no type declarations; this names only what src/site/render-pages.ts calls.
declare module "@11ty/eleventy" {
  interface EleventyOptions {
    quietMode?: boolean;
    configPath?: string;
    config?: (eleventyConfig: import("../site/filters.js").EleventyConfigApi) => void;
  }
  export default class Eleventy {
    constructor(input: string, output: string, options?: EleventyOptions);
    static getVersion(): string;
    disableLogger(): void;
    write(): Promise<unknown>;
  }
}
