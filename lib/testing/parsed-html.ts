// Markup as a browser parses it (parse5), for the tests of pages and cards written as markup
// (components/html.tsx): every element, an element's text, an attribute.
import { parse, parseFragment, type DefaultTreeAdapterMap } from "parse5";

type Node = DefaultTreeAdapterMap["childNode"];
export type Element = DefaultTreeAdapterMap["element"];

/** Every element under a node, in document order. */
export const elementsOf = (node: { childNodes: Node[] }): Element[] => node.childNodes.flatMap((child) => ("tagName" in child ? [child, ...elementsOf(child)] : []));

/** Every element of a whole document. */
export const documentElements = (markup: string): Element[] => elementsOf(parse(markup));

/** Every element of a piece of markup. */
export const fragmentElements = (markup: string): Element[] => elementsOf(parseFragment(markup));

/** An element's text, as the browser reads it (entities decoded, tags gone). */
export const textOf = (node: Element): string => node.childNodes.map((child) => ("value" in child && child.nodeName === "#text" ? child.value : "tagName" in child ? textOf(child) : "")).join("");

/** An attribute's value, or undefined. */
export const attr = (node: Element, name: string): string | undefined => node.attrs.find((attribute) => attribute.name === name)?.value;

/** Every attribute, by name. */
export const attributes = (node: Element): Record<string, string> => Object.fromEntries(node.attrs.map((attribute) => [attribute.name, attribute.value]));
