/**
 * The messages this server adds to LSP, shared by the server and the VS Code client. Plain
 * method names and payload types only (no imports), so the client bundle does not pull in the
 * server and the server does not depend on the client library.
 */

/** Fixed identity of the server in diagnostics, settings and code action kinds. */
export const SOURCE = 'Lanzarote';
export const CONFIGURATION_SECTION = 'lanzarote';
export const FIX_ALL_KIND = 'source.fixAll.lanzarote';
/** An XML document is an Akoma Ntoso draft when this namespace appears in its first 2 KB (client and server agree). */
export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

/** Client → server request: the twelve recommendations, for a picker. */
export namespace RecommendationsRequest {
  export const method = 'lanzarote/recommendations';
  export interface Item {
    id: string;
    title: string;
    /** "Require", "Request", "Invite" in the user's language. */
    urgency: string;
    url: string;
  }
  export type Result = Item[];
}

/**
 * Client → server request: the page that explains a recommendation ("II-6") or a Convention
 * provision ("Art. 20(1)(e)"), as Markdown, with its official source. Null for an unknown id.
 */
export namespace ExplainRequest {
  export const method = 'lanzarote/explain';
  export interface Params {
    check: string;
  }
  export interface Result {
    check: string;
    title: string;
    markdown: string;
    url: string;
  }
}

/** Client → server notification: the user trusted the workspace (VS Code restricted mode ended). */
export namespace WorkspaceTrustNotification {
  export const method = 'lanzarote/didChangeWorkspaceTrust';
  export interface Params {
    trusted: boolean;
  }
}

/** What a client may tell the server in InitializeParams.initializationOptions. */
export interface InitializationOptions {
  /** False in an untrusted (restricted) workspace: the workspace's .lanzarote.json is only partly read. Default true. */
  workspaceTrusted?: boolean;
  /** The client watches .lanzarote.json itself and sends workspace/didChangeWatchedFiles. */
  watchesConfigFiles?: boolean;
  /** The client implements the commands named in code actions (lanzarote.showRecommendation). */
  handlesCommands?: boolean;
  /** The client wants AnalysedNotification after each complete set of diagnostics (benchmarks, tests). */
  reportAnalysed?: boolean;
}

/**
 * Server → client notification, sent only to a client that asked for it (reportAnalysed): the
 * diagnostics just published for this version are complete, the whole-draft checklist included.
 * After a keystroke the terminology of the edited text is published at once and the checklist's
 * findings follow when the full analysis is done.
 */
export namespace AnalysedNotification {
  export const method = 'lanzarote/analysed';
  export interface Params {
    uri: string;
    version: number;
  }
}

/** The command a "Show Recommendation" code action runs, with the check id as argument. */
export const SHOW_RECOMMENDATION_COMMAND = 'lanzarote.showRecommendation';

/** What each diagnostic carries in `data`, read back by code actions. */
export interface DiagnosticData {
  /** Document version the diagnostic was computed from. */
  version: number;
  /** The recommendation or Convention check cited ("II-1", "Art. 20(1)(e)"), or "tool". */
  check: string;
  /** In quoted text of another instrument: the old wording is kept on purpose. */
  quoted: boolean;
  /** A safe automatic fix exists. */
  fixable: boolean;
  /** Wording to consider where there is no safe fix. */
  suggestions?: string[];
}

/** Client → server request: the checklist of an open draft (the twelve recommendations and Article 20(1)). */
export namespace ChecklistRequest {
  export const method = 'lanzarote/checklist';
  export interface Params {
    uri: string;
  }
  export interface Evidence {
    provision: string;
    note: string;
    text: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
  }
  export interface Item {
    id: string;
    title: string;
    /** "Require", "Request", "Invite" in the user's language. */
    urgency: string;
    status: 'met' | 'partial' | 'missing' | 'not-applicable';
    /** The status in the user's language. */
    statusText: string;
    explanation: string;
    evidence: Evidence[];
    url: string;
  }
  /** Null when the document is not open, not served, or too large to analyse. */
  export type Result = {
    uri: string;
    version: number;
    recommendations: Item[];
    convention: Item[];
    met: number;
  } | null;
}

/** Client → server request: the checklist report of an open draft as Markdown or HTML. */
export namespace ReportRequest {
  export const method = 'lanzarote/report';
  export interface Params {
    uri: string;
    format: 'md' | 'html';
  }
  export type Result = { content: string } | null;
}

/**
 * Client → server request: the checklist report of a draft file that is not open as text (a Word
 * document, typically), read from disk by the server, as Markdown or HTML. The settings are
 * those of a document at that path (editor settings over the nearest .lanzarote.json).
 */
export namespace ReportFileRequest {
  export const method = 'lanzarote/reportFile';
  export interface Params {
    /** Absolute path of the file on the server's machine. */
    path: string;
    format: 'md' | 'html';
  }
  /** The report, or why the file could not be reported on (in the user's language). */
  export type Result = { content: string } | { error: string };
}
