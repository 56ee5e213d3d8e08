// Recursive schemas as type aliases. openapi-typescript writes every schema as a member
// of `components["schemas"]` and every `$ref` as an indexed access into it; a schema that
// reaches itself with no object type in between (`Tree: components["schemas"]["Tree"][]`,
// or two unions through each other) is then a type "referenced directly or indirectly in
// its own type annotation" (TS2502). A type alias may recurse through arrays and unions,
// so each schema on a `$ref` cycle becomes `type RecursiveSchemaN = …` (its refs to the
// others on cycles replaced by their aliases) and its member refers to that alias. A cycle
// with nothing at all in between is refused earlier (structure-checks.ts).

import type * as TS from "typescript";
import { collectRefs } from "../../json.js";
import { isObject, parsePointer, type OpenApiDocument } from "../../openapi.js";

const SCHEMA_REF = /^#\/components\/schemas\/([^/]+)$/;

/** Names of the component schemas that reach themselves through `$ref`s, sorted. */
export function recursiveSchemas(document: OpenApiDocument): string[] {
  const schemas = isObject(document.components?.schemas) ? document.components.schemas : {};
  const edges = new Map<string, string[]>();
  for (const name of Object.keys(schemas)) {
    const targets = collectRefs(schemas[name]).flatMap((ref) => {
      const token = SCHEMA_REF.exec(ref)?.[1];
      return token === undefined ? [] : [parsePointer(`/${token}`)[0]!];
    });
    edges.set(name, [...new Set(targets)]);
  }
  return [...edges.keys()].filter((name) => reaches({ edges, from: name, to: name })).sort();
}

function reaches(input: { edges: Map<string, string[]>; from: string; to: string }): boolean {
  const seen = new Set<string>();
  const pending = [...(input.edges.get(input.from) ?? [])];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next === input.to) return true;
    if (seen.has(next)) continue;
    seen.add(next);
    pending.push(...(input.edges.get(next) ?? []));
  }
  return false;
}

/** The statements with each recursive schema moved into an alias declared after `components`. */
export function aliasRecursiveSchemas(input: { ts: typeof TS; statements: TS.Node[]; names: string[] }): TS.Node[] {
  const { ts, names } = input;
  if (names.length === 0) return input.statements;
  const aliases = new Map(names.map((name, index) => [name, `RecursiveSchema${index}`]));
  const declarations: TS.Node[] = [];
  const { factory } = ts;
  const refersTo = (node: TS.Node): string | undefined => schemaRefName({ ts, node });
  const replaceRefs = (type: TS.TypeNode): TS.TypeNode => {
    const visit = (context: TS.TransformationContext) => (root: TS.Node) => {
      const visitor = (node: TS.Node): TS.Node => {
        const target = refersTo(node);
        const alias = target === undefined ? undefined : aliases.get(target);
        return alias ? factory.createTypeReferenceNode(alias) : ts.visitEachChild(node, visitor, context);
      };
      return ts.visitNode(root, visitor)!;
    };
    return ts.transform(type, [visit]).transformed[0] as TS.TypeNode;
  };
  const rewriteMember = (member: TS.TypeElement): TS.TypeElement => {
    if (!ts.isPropertySignature(member) || !member.type) return member;
    const name = ts.isIdentifier(member.name) || ts.isStringLiteral(member.name) ? member.name.text : undefined;
    const alias = name === undefined ? undefined : aliases.get(name);
    if (!alias) return member;
    declarations.push(factory.createTypeAliasDeclaration(undefined, alias, undefined, replaceRefs(member.type)));
    return factory.updatePropertySignature(member, member.modifiers, member.name, member.questionToken, factory.createTypeReferenceNode(alias));
  };
  const statements = input.statements.map((statement) => {
    if (!ts.isInterfaceDeclaration(statement) || statement.name.text !== "components") return statement;
    const members = statement.members.map((member) => {
      if (!ts.isPropertySignature(member) || !ts.isIdentifier(member.name) || member.name.text !== "schemas") return member;
      const schemas = member.type;
      if (!schemas || !ts.isTypeLiteralNode(schemas)) return member;
      const literal = factory.updateTypeLiteralNode(schemas, factory.createNodeArray(schemas.members.map(rewriteMember)));
      return factory.updatePropertySignature(member, member.modifiers, member.name, member.questionToken, literal);
    });
    return factory.updateInterfaceDeclaration(statement, statement.modifiers, statement.name, statement.typeParameters, statement.heritageClauses, members);
  });
  const at = statements.findIndex((statement) => ts.isInterfaceDeclaration(statement) && statement.name.text === "components");
  statements.splice(at + 1, 0, ...declarations);
  return statements;
}

/** `components["schemas"]["Name"]` → `Name`; anything else → undefined. */
function schemaRefName(input: { ts: typeof TS; node: TS.Node }): string | undefined {
  const { ts, node } = input;
  if (!ts.isIndexedAccessTypeNode(node) || !ts.isIndexedAccessTypeNode(node.objectType)) return undefined;
  const inner = node.objectType;
  const root = inner.objectType;
  if (!ts.isTypeReferenceNode(root) || !ts.isIdentifier(root.typeName) || root.typeName.text !== "components") return undefined;
  const section = literalText({ ts, node: inner.indexType });
  return section === "schemas" ? literalText({ ts, node: node.indexType }) : undefined;
}

function literalText(input: { ts: typeof TS; node: TS.TypeNode }): string | undefined {
  const { ts, node } = input;
  return ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal) ? node.literal.text : undefined;
}
