import * as assert from 'node:assert/strict';
import type { Node } from 'web-tree-sitter';
import { resolveAt } from '../../../src/golang/scope';
import { parser } from './fixture';

const SRC = `package main

var pkgLevel = 1

func f(param int) (result int) {
	a := 1
	if b := a; b > 0 {
		c := 2
		_ = c // AT_IF
	} else {
		_ = b // AT_ELSE
	}
	for i := 0; i < 3; i++ {
		_ = i // AT_FOR
	}
	go func(lit int) {
		_ = lit // AT_LIT
	}(a)
	switch t := interface{}(a).(type) {
	case int:
		_ = t // AT_CASE
	}
	_ = a // AT_END
	d := 3
	_ = d
	return
}
`;

describe('golang: names in scope at a point (walking the blocks outwards)', () => {
  let root: Node;
  const at = (mark: string) => {
    const i = SRC.indexOf(`// ${mark}`);
    const stmt = root.descendantForIndex(i - 2, i - 2);
    let s: Node | null = stmt;
    while (s && s.parent?.type !== 'statement_list') s = s.parent;
    return { holder: s!.parent!, offset: s!.endIndex };
  };
  const visible = (mark: string, name: string) => resolveAt(at(mark), name, new Set(['pkgLevel']))?.kind;

  before(async () => {
    root = (await parser()).parse(SRC).rootNode;
  });

  it('locals before the point, in this block or an enclosing one', () => {
    assert.equal(visible('AT_IF', 'c'), 'local');
    assert.equal(visible('AT_IF', 'a'), 'local');
    assert.equal(visible('AT_END', 'a'), 'local');
    assert.equal(visible('AT_END', 'd'), undefined, 'declared after the point');
    assert.equal(visible('AT_END', 'c'), undefined, 'declared in a block that has ended');
  });

  it('initializers of if (both branches), for and type switch; parameters of closures and the function; package level; universe', () => {
    assert.equal(visible('AT_ELSE', 'b'), 'local');
    assert.equal(visible('AT_END', 'b'), undefined);
    assert.equal(visible('AT_FOR', 'i'), 'local');
    assert.equal(visible('AT_END', 'i'), undefined);
    assert.equal(visible('AT_CASE', 't'), 'local');
    assert.equal(visible('AT_LIT', 'lit'), 'param');
    assert.equal(visible('AT_END', 'lit'), undefined);
    assert.equal(visible('AT_LIT', 'param'), 'param');
    assert.equal(visible('AT_END', 'result'), 'param');
    assert.equal(visible('AT_END', 'pkgLevel'), 'package');
    assert.equal(visible('AT_END', 'len'), 'universe');
    assert.equal(visible('AT_END', 'nothing'), undefined);
  });
});
