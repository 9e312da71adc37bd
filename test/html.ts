import { parse } from "parse5";

export interface Element {
  readonly tag: string;
  readonly attrs: ReadonlyMap<string, string>;
}

interface Node {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  content?: Node;
}

/** Every element of an HTML document, parsed as a browser would (parse5), with its attributes. */
export function elements(html: string): Element[] {
  const found: Element[] = [];
  const walk = (node: Node) => {
    if (node.tagName !== undefined) {
      found.push({ tag: node.tagName, attrs: new Map((node.attrs ?? []).map((attr) => [attr.name, attr.value])) });
    }
    for (const child of node.childNodes ?? []) walk(child);
    if (node.content !== undefined) walk(node.content);
  };
  walk(parse(html) as unknown as Node);
  return found;
}

/** Every href and src in the document, as the browser sees them (entities decoded). */
export function links(html: string): { tag: string; attr: string; value: string }[] {
  return elements(html).flatMap((element) =>
    ["href", "src"].flatMap((attr) => {
      const value = element.attrs.get(attr);
      return value === undefined ? [] : [{ tag: element.tag, attr, value }];
    }),
  );
}
