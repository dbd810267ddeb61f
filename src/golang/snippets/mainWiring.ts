import type { Node } from 'web-tree-sitter';
import { topLevelStatement } from '../anchors';
import { fileImports } from '../imports';
import { blockItems, declaredNames, field } from '../syntax';
import type { SnippetContext } from './context';

export const GIN_PATH = 'github.com/gin-gonic/gin';
export const ZEROLOG_PATH = 'github.com/rs/zerolog';

export interface MainWiring {
  /** The job runner variable: `jr` in `jr.SetHybridClient(…)`. */
  runner: string;
  /** The top-level statement of main that holds the last SetHybridClient call. */
  wiring: Node;
  /** A zerolog logger declared in main before the wiring, if any. */
  logger?: string;
}

function usesPackage(node: Node, pkgName: string): boolean {
  return node.descendantsOfType('selector_expression').some((s) => s && field(s, 'operand')?.text === pkgName);
}

/** What the main-function steps (0.3, Fix G) need from `main`. */
export function mainWiring(c: SnippetContext): MainWiring | { skip: string } {
  const { func, call } = c.anchor;
  if (!call) return { skip: 'no SetHybridClient call in main' };
  const operand = field(field(call, 'function')!, 'operand');
  if (!operand || operand.type !== 'identifier') return { skip: 'SetHybridClient is not called on a plain variable' };
  const wiring = topLevelStatement(func, call);
  if (!wiring) return { skip: 'SetHybridClient call is not inside main’s body' };
  const zerolog = fileImports(c.root).find((s) => s.path === ZEROLOG_PATH)?.localName;
  let logger: string | undefined;
  if (zerolog) {
    for (const s of blockItems(field(func, 'body')!)) {
      if (s.startIndex >= wiring.startIndex) break;
      const names = declaredNames(s);
      if (s.type === 'short_var_declaration' && names.length === 1 && usesPackage(field(s, 'right')!, zerolog)) {
        logger = names[0];
        break;
      }
    }
  }
  return { runner: operand.text, wiring, logger };
}

/** The gin engine variable declared at main's top level (`r := gin.New()`), and its statement. */
export function ginEngine(c: SnippetContext): { name: string; stmt: Node } | null {
  const gin = fileImports(c.root).find((s) => s.path === GIN_PATH)?.localName;
  if (!gin) return null;
  for (const s of blockItems(field(c.anchor.func, 'body')!)) {
    if (s.type !== 'short_var_declaration') continue;
    const names = declaredNames(s);
    const right = field(s, 'right');
    const value = right?.namedChildren[0];
    if (names.length !== 1 || !value || value.type !== 'call_expression') continue;
    const fn = field(value, 'function');
    if (fn?.type === 'selector_expression' && field(fn, 'operand')?.text === gin && ['New', 'Default'].includes(field(fn, 'field')?.text ?? '')) {
      return { name: names[0], stmt: s };
    }
  }
  return null;
}
