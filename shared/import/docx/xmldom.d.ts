/**
 * The few types the Word import uses from @xmldom/xmldom (mammoth's own XML parser), declared
 * here because the package's own declarations pull in the DOM library, which shared/ must not
 * see (its tsconfig has no DOM, so that no browser global creeps in).
 */
declare module '@xmldom/xmldom/lib/index.js' {
  /** A node of a parsed XML document. */
  export interface XmlNode {
    readonly nodeType: number;
    readonly nodeName: string;
    readonly localName: string | null;
    readonly namespaceURI: string | null;
    readonly parentNode: XmlElement | null;
    readonly childNodes: ArrayLike<XmlNode>;
    readonly firstChild: XmlNode | null;
    readonly lastChild: XmlNode | null;
    readonly nextSibling: XmlNode | null;
    readonly previousSibling: XmlNode | null;
    readonly ownerDocument: XmlDocument;
    textContent: string | null;
    data?: string;
  }
  /** An element. */
  export interface XmlElement extends XmlNode {
    getAttribute(name: string): string | null;
    getAttributeNS(namespace: string, localName: string): string | null;
    setAttribute(name: string, value: string): void;
    getElementsByTagNameNS(namespace: string, localName: string): ArrayLike<XmlElement>;
    insertBefore(node: XmlNode, before: XmlNode | null): XmlNode;
    appendChild(node: XmlNode): XmlNode;
    removeChild(node: XmlNode): XmlNode;
  }
  /** A document. */
  export interface XmlDocument extends XmlNode {
    readonly documentElement: XmlElement | null;
    createElementNS(namespace: string, qualifiedName: string): XmlElement;
    createTextNode(text: string): XmlNode;
    getElementsByTagNameNS(namespace: string, localName: string): ArrayLike<XmlElement>;
  }
  /** The parser; `errorHandler` receives its warnings and errors. */
  export class DOMParser {
    constructor(options?: { errorHandler?: { warning?: (message: string) => void; error?: (message: string) => void; fatalError?: (message: string) => void } });
    parseFromString(source: string, mimeType: string): XmlDocument;
  }
  /** The serializer. */
  export class XMLSerializer {
    serializeToString(node: XmlNode): string;
  }
}
