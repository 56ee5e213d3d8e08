// Model: the selected subset as the small tagged IR the emitters read.

import { isObject, type OpenApiDocument } from "../openapi.js";
import { DATE_VERSION } from "../select.js";
import type { SelectedSpec } from "../stages.js";
import { camelCase, credentialFor, notInherited } from "./naming.js";
import { apiNameFromTitle } from "./names.js";
import { buildOperations } from "./operations.js";
import { toTypeRef } from "./type-ref.js";
import type { Model, SchemaModel, SecuritySchemeModel, ServerModel } from "./types.js";


export function buildModel(options: { selected: SelectedSpec; specFile: string; apiName?: string }): Model {
  const document = options.selected.document;
  const version = String(document.info?.version ?? "");
  const title = String(document.info?.title ?? "");
  const polar = isPolarSpec({ document, title });
  const name = options.apiName ?? apiNameFromTitle(title);
  return {
    specFile: options.specFile,
    openapi: String(document.openapi ?? ""),
    title,
    name,
    polar,
    ...(polar && DATE_VERSION.test(version) ? { apiVersion: version } : {}),
    servers: buildServers(document),
    securitySchemes: buildSecuritySchemes(document),
    operations: buildOperations({ document, apiName: name }),
    schemas: buildSchemas(document),
  };
}

function isPolarSpec(options: { document: OpenApiDocument; title: string }): boolean {
  if (/^Polar( API)?$/.test(options.title.trim())) return true;
  return (options.document.servers ?? []).some((server) => {
    try {
      const host = new URL(String(server.url)).hostname;
      return host === "polar.sh" || host.endsWith(".polar.sh");
    } catch {
      return false;
    }
  });
}

function buildServers(document: OpenApiDocument): ServerModel[] {
  return (document.servers ?? []).map((server, index) => {
    const named = server["x-speakeasy-server-id"] ?? server["x-polar-environment"];
    const id = typeof named === "string" ? named : /sandbox/.test(server.url) ? "sandbox" : index === 0 ? "production" : `server${index}`;
    return { id, url: server.url, ...(server.description ? { description: server.description } : {}) };
  });
}

function buildSecuritySchemes(document: OpenApiDocument): SecuritySchemeModel[] {
  const schemes = document.components?.securitySchemes ?? {};
  return Object.keys(schemes)
    .sort()
    .map((name) => {
      const scheme = schemes[name];
      const type = (isObject(scheme) ? scheme.type : "http") as SecuritySchemeModel["type"];
      const bearer = type === "openIdConnect" || type === "oauth2" || (isObject(scheme) && String(scheme.scheme).toLowerCase() === "bearer");
      const description = isObject(scheme) && typeof scheme.description === "string" ? scheme.description : undefined;
      const declared = isObject(scheme) ? scheme : {};
      const placement = {
        ...(type === "http" && typeof declared.scheme === "string" ? { httpScheme: declared.scheme.toLowerCase() } : {}),
        ...(type === "apiKey" && typeof declared.in === "string" ? { in: declared.in } : {}),
        ...(type === "apiKey" && typeof declared.name === "string" ? { key: declared.name } : {}),
      };
      return { name, type, bearer, ...placement, credential: bearer ? credentialFor(name) : notInherited(camelCase(name)), ...(description ? { description } : {}) };
    });
}

function buildSchemas(document: OpenApiDocument): SchemaModel[] {
  const schemas = document.components?.schemas ?? {};
  return Object.keys(schemas)
    .sort()
    .map((name) => {
      const schema = schemas[name];
      const example = exampleOf(schema);
      return { name, type: toTypeRef(schema), ...(example === undefined ? {} : { example }) };
    });
}

function exampleOf(schema: unknown): unknown {
  if (!isObject(schema)) return undefined;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  return schema.example;
}
