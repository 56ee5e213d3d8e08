// `create{N}Client` groups operations as their ids say: `customers:delete_external`
// becomes `client.customers.deleteExternal`. This builds that tree once and prints it
// twice: as the `{N}Client` interface and as the object `create{N}Client` returns.

import type { OperationModel } from "../../model/types.js";
import { propertyKey } from "../escape.js";
import { pascalCase } from "./operation.js";

interface Branch {
  [name: string]: Branch | OperationModel;
}

function isOperation(node: Branch | OperationModel): node is OperationModel {
  return typeof node.id === "string" && Array.isArray(node.group);
}

/** Branches have no prototype: a group may be called `constructor` or `__proto__` (keys from the spec). */
function newBranch(): Branch {
  return Object.create(null) as Branch;
}

export function groupTree(operations: readonly OperationModel[]): Branch {
  const root = newBranch();
  for (const operation of operations) {
    let branch = root;
    for (const name of operation.group.slice(0, -1)) {
      const next = (branch[name] ??= newBranch());
      if (isOperation(next)) throw new Error(`client: ${operation.id} groups under the operation ${next.id}`);
      branch = next;
    }
    const leaf = operation.group.at(-1)!;
    if (branch[leaf]) throw new Error(`client: ${operation.id} and another operation share the name ${operation.group.join(".")}`);
    branch[leaf] = operation;
  }
  return root;
}

function sortedEntries(branch: Branch): Array<[string, Branch | OperationModel]> {
  return Object.entries(branch).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The `{N}Client<O>` members; `docsOf` gives each method its JSDoc, `paged` says which have `all`. */
export function printTreeType(options: { branch: Branch; docsOf: (operation: OperationModel) => string; paged: (operation: OperationModel) => boolean }): string {
  const members = sortedEntries(options.branch).map(([name, node]) => {
    if (!isOperation(node)) return `${propertyKey(name)}: ${printTreeType({ ...options, branch: node })};`;
    const type = pascalCase(node.functionName);
    const docs = `/**\n * ${options.docsOf(node).split("\n").join("\n * ")}\n */\n`;
    if (options.paged(node)) return `${docs}${propertyKey(name)}: Paginated<${type}Input<O>, ${type}Result>;`;
    return `${docs}${propertyKey(name)}(input: ${type}Input<O>): Promise<${type}Result>;`;
  });
  return `{\n${members.join("\n")}\n}`;
}

/** The object literal of methods, each its operation bound to the client by `bind` (by `pages` when it is a paged list). */
export function printTreeValue(options: { branch: Branch; paged: (operation: OperationModel) => boolean }): string {
  const members = sortedEntries(options.branch).map(([name, node]) =>
    isOperation(node)
      ? `${propertyKey(name)}: ${options.paged(node) ? "pages" : "bind"}(${node.functionName}Operation)`
      : `${propertyKey(name)}: ${printTreeValue({ ...options, branch: node })}`,
  );
  return `{\n${members.join(",\n")},\n}`;
}
