// Where a `$ref` may lead. Local refs stay inside the root spec's folder (checked on
// the real path too, so a symlink cannot lead out); remote refs need explicit consent,
// except relative refs of a spec that was itself fetched, which stay under its URL.
// A redirect is held to the same rule as the URL it answers for (`redirectRefusal`).

import { realpath } from "node:fs/promises";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { isRemote } from "./read.js";

export interface Refusal {
  code: string;
  message: string;
}

export function resolveRefLocation(options: {
  base: string;
  filePart: string;
  ref: string;
}): { location: string } | { refusal: Refusal } {
  const { base, filePart, ref } = options;
  if (filePart === "") return { location: base };
  if (isRemote(filePart)) return { location: new URL(filePart).href };
  if (/^[a-z][a-z0-9+.-]+:/i.test(filePart)) {
    return { refusal: { code: "ref-unsupported", message: `$ref "${ref}" uses an unsupported URL scheme` } };
  }
  if (isRemote(base)) return { location: new URL(filePart, base).href };
  return { location: resolve(dirname(base), safeDecode(filePart)) };
}

export async function checkRefTarget(options: {
  location: string;
  ref: string;
  root: string;
  allowRemoteRefs: boolean;
}): Promise<Refusal | undefined> {
  const { location, ref, root } = options;
  if (isRemote(location)) {
    if (options.allowRemoteRefs || isUnderRemoteRoot({ location, root })) return undefined;
    return {
      code: "ref-remote-refused",
      message: `remote $ref "${ref}" refused; allow remote refs (--allow-remote-refs) to fetch it`,
    };
  }
  const folder = dirname(root);
  const escapes =
    isOutside({ folder, location }) || isOutside({ folder: await realOrSame(folder), location: await realOrSame(location) });
  if (!escapes) return undefined;
  return {
    code: "ref-escapes-folder",
    message: `$ref "${ref}" leads outside the spec's folder; only files in or below it may be referenced`,
  };
}

/**
 * Why a redirect to `to` may not be followed, or undefined when it may: anywhere with
 * consent; else the spec the user named only within its own origin, and a `$ref`'d
 * file only under the spec's folder, as the `$ref` itself had to be.
 */
export function redirectRefusal(options: {
  to: string;
  role: "spec" | "ref";
  /** The spec the user named, or for a `$ref`, where the spec was found. */
  root: string;
  allowRemoteRefs: boolean;
}): string | undefined {
  const { to, root } = options;
  if (options.allowRemoteRefs) return undefined;
  if (options.role === "spec") {
    if (new URL(to).origin === new URL(root).origin) return undefined;
    return "another origin than the spec's URL; give that URL as --spec, or allow it with --allow-remote-refs";
  }
  if (isUnderRemoteRoot({ location: to, root })) return undefined;
  return "outside the spec's folder; allow remote refs (--allow-remote-refs) to follow it";
}

function isUnderRemoteRoot(options: { location: string; root: string }): boolean {
  return isRemote(options.root) && options.location.startsWith(new URL(".", options.root).href);
}

function isOutside(options: { folder: string; location: string }): boolean {
  const path = relative(options.folder, options.location);
  return path === ".." || path.startsWith("../") || path.startsWith("..\\") || isAbsolute(path);
}

/** The real path, or the path itself when it does not exist on disk (an injected reader). */
async function realOrSame(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return path;
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
