"use strict";
(() => {
  var __defProp = Object.defineProperty;
  var __export = (target, all) => {
    for (var name in all)
      __defProp(target, name, { get: all[name], enumerable: true });
  };

  // node_modules/zod/v4/core/util.js
  var util_exports = {};
  __export(util_exports, {
    BIGINT_FORMAT_RANGES: () => BIGINT_FORMAT_RANGES,
    CONSTANT_CATCH: () => CONSTANT_CATCH,
    Class: () => Class,
    NUMBER_FORMAT_RANGES: () => NUMBER_FORMAT_RANGES,
    aborted: () => aborted,
    allowsEval: () => allowsEval,
    assert: () => assert,
    assertEqual: () => assertEqual,
    assertIs: () => assertIs,
    assertNever: () => assertNever,
    assertNotEqual: () => assertNotEqual,
    assignProp: () => assignProp,
    attachSchema: () => attachSchema,
    base64ToUint8Array: () => base64ToUint8Array,
    base64urlToUint8Array: () => base64urlToUint8Array,
    cached: () => cached,
    captureStackTrace: () => captureStackTrace,
    cleanEnum: () => cleanEnum,
    cleanRegex: () => cleanRegex,
    clone: () => clone,
    cloneDef: () => cloneDef,
    codePointLength: () => codePointLength,
    constantCatch: () => constantCatch,
    createTransparentProxy: () => createTransparentProxy,
    defineLazy: () => defineLazy,
    defineLazyInternal: () => defineLazyInternal,
    derived: () => derived,
    esc: () => esc,
    escapeRegex: () => escapeRegex,
    explicitlyAborted: () => explicitlyAborted,
    extend: () => extend,
    finalizeIssue: () => finalizeIssue,
    floatSafeRemainder: () => floatSafeRemainder,
    getElementAtPath: () => getElementAtPath,
    getEnumValues: () => getEnumValues,
    getLengthableOrigin: () => getLengthableOrigin,
    getParsedType: () => getParsedType,
    getSizableOrigin: () => getSizableOrigin,
    hexToUint8Array: () => hexToUint8Array,
    hide: () => hide,
    installLazyProp: () => installLazyProp,
    isObject: () => isObject,
    isPlainObject: () => isPlainObject,
    issue: () => issue,
    joinValues: () => joinValues,
    jsonStringifyReplacer: () => jsonStringifyReplacer,
    members: () => members,
    merge: () => merge,
    mergeDefs: () => mergeDefs,
    normalizeParams: () => normalizeParams,
    nullish: () => nullish,
    numKeys: () => numKeys,
    objectClone: () => objectClone,
    omit: () => omit,
    optionalKeys: () => optionalKeys,
    own: () => own,
    parsedType: () => parsedType,
    partial: () => partial,
    pick: () => pick,
    prefixIssues: () => prefixIssues,
    primitiveTypes: () => primitiveTypes,
    promiseAllObject: () => promiseAllObject,
    propertyKeyTypes: () => propertyKeyTypes,
    randomString: () => randomString,
    rawShape: () => rawShape,
    required: () => required,
    safeExtend: () => safeExtend,
    shallowClone: () => shallowClone,
    sizeCaps: () => sizeCaps,
    slugify: () => slugify,
    stringifyPrimitive: () => stringifyPrimitive,
    toZod: () => toZod,
    uint8ArrayToBase64: () => uint8ArrayToBase64,
    uint8ArrayToBase64url: () => uint8ArrayToBase64url,
    uint8ArrayToHex: () => uint8ArrayToHex,
    unwrapMessage: () => unwrapMessage
  });
  function assertEqual(val) {
    return val;
  }
  function assertNotEqual(val) {
    return val;
  }
  function toZod() {
    return (schema) => schema;
  }
  function assertIs(_arg) {
  }
  function assertNever(_x) {
    throw new Error("Unexpected value in exhaustive check");
  }
  function assert(_2) {
  }
  function getEnumValues(entries) {
    const numericValues = Object.values(entries).filter((v3) => typeof v3 === "number");
    const values = Object.entries(entries).filter(([k2, _2]) => numericValues.indexOf(+k2) === -1).map(([_2, v3]) => v3);
    return values;
  }
  function joinValues(array2, separator = "|") {
    return array2.map((val) => stringifyPrimitive(val)).join(separator);
  }
  function jsonStringifyReplacer(_2, value) {
    if (typeof value === "bigint")
      return value.toString();
    return value;
  }
  var Cached = class {
    constructor(getter) {
      this._getter = getter;
      this._value = void 0;
    }
    get value() {
      const getter = this._getter;
      if (getter !== void 0) {
        this._value = getter();
        this._getter = void 0;
      }
      return this._value;
    }
  };
  function cached(getter) {
    return new Cached(getter);
  }
  function nullish(input) {
    return input === null || input === void 0;
  }
  function cleanRegex(source) {
    const start = source.startsWith("^") ? 1 : 0;
    const end = source.endsWith("$") ? source.length - 1 : source.length;
    return source.slice(start, end);
  }
  function floatSafeRemainder(val, step) {
    const ratio = val / step;
    const roundedRatio = Math.round(ratio);
    const tolerance = 4 * Number.EPSILON * Math.max(Math.abs(ratio), 1);
    if (Math.abs(ratio - roundedRatio) < tolerance)
      return 0;
    return ratio - roundedRatio;
  }
  var EVALUATING = /* @__PURE__ */ Symbol("evaluating");
  function defineLazy(object2, key, getter) {
    let value = void 0;
    Object.defineProperty(object2, key, {
      get() {
        if (value === EVALUATING) {
          return void 0;
        }
        if (value === void 0) {
          value = EVALUATING;
          value = getter();
        }
        return value;
      },
      set(v3) {
        Object.defineProperty(object2, key, {
          value: v3
          // configurable: true,
        });
      },
      configurable: true
    });
  }
  function objectClone(obj) {
    return Object.create(Object.getPrototypeOf(obj), Object.getOwnPropertyDescriptors(obj));
  }
  function assignProp(target, prop, value) {
    Object.defineProperty(target, prop, {
      value,
      writable: true,
      enumerable: true,
      configurable: true
    });
  }
  function rawShape(def) {
    const desc = Object.getOwnPropertyDescriptor(def, "shape");
    return desc?.get ? desc.get.raw : desc?.value;
  }
  function sourceShape(schema) {
    return rawShape(schema._zod.def) ?? schema._zod.def.shape;
  }
  function deferProp(target, key, getter) {
    Object.defineProperty(target, key, {
      get() {
        const value = getter();
        assignProp(this, key, value);
        return value;
      },
      enumerable: true,
      configurable: true
    });
  }
  function putProp(target, key, value) {
    if (key in target)
      assignProp(target, key, value);
    else
      target[key] = value;
  }
  function mirrorShape(target, source, keys, wrap) {
    const raw = sourceShape(source);
    for (const key of keys) {
      const desc = Object.getOwnPropertyDescriptor(raw, key);
      if (!desc.enumerable)
        continue;
      if (desc.get) {
        deferProp(target, key, () => {
          const value = source._zod.def.shape[key];
          return wrap ? wrap(value, key) : value;
        });
      } else
        putProp(target, key, wrap ? wrap(desc.value, key) : desc.value);
    }
  }
  function mirrorProps(target, source) {
    for (const key of Reflect.ownKeys(source)) {
      const desc = Object.getOwnPropertyDescriptor(source, key);
      if (!desc.enumerable)
        continue;
      if (desc.get)
        deferProp(target, key, () => source[key]);
      else
        putProp(target, key, desc.value);
    }
  }
  function mergeDefs(...defs) {
    const mergedDescriptors = {};
    for (const def of defs) {
      const descriptors = Object.getOwnPropertyDescriptors(def);
      Object.assign(mergedDescriptors, descriptors);
    }
    return Object.defineProperties({}, mergedDescriptors);
  }
  function cloneDef(schema) {
    return mergeDefs(schema._zod.def);
  }
  function getElementAtPath(obj, path) {
    if (!path)
      return obj;
    return path.reduce((acc, key) => acc?.[key], obj);
  }
  function promiseAllObject(promisesObj) {
    const keys = Object.keys(promisesObj);
    const promises = keys.map((key) => promisesObj[key]);
    return Promise.all(promises).then((results) => {
      const resolvedObj = {};
      for (let i7 = 0; i7 < keys.length; i7++) {
        resolvedObj[keys[i7]] = results[i7];
      }
      return resolvedObj;
    });
  }
  function randomString(length = 10) {
    const chars = "abcdefghijklmnopqrstuvwxyz";
    let str = "";
    for (let i7 = 0; i7 < length; i7++) {
      str += chars[Math.floor(Math.random() * chars.length)];
    }
    return str;
  }
  function esc(str) {
    return JSON.stringify(str);
  }
  function slugify(input) {
    return input.toLowerCase().trim().replace(/[^\w\s-]/g, "").replace(/[\s_-]+/g, "-").replace(/^-+|-+$/g, "");
  }
  var captureStackTrace = "captureStackTrace" in Error ? Error.captureStackTrace : (..._args) => {
  };
  function isObject(data) {
    return typeof data === "object" && data !== null && !Array.isArray(data);
  }
  var allowsEval = /* @__PURE__ */ cached(() => {
    if (globalConfig.jitless) {
      return false;
    }
    if (typeof navigator !== "undefined" && navigator?.userAgent?.includes("Cloudflare")) {
      return false;
    }
    try {
      const F = Function;
      new F("");
      return true;
    } catch (_2) {
      return false;
    }
  });
  function isPlainObject(o8) {
    if (isObject(o8) === false)
      return false;
    const ctor = o8.constructor;
    if (ctor === void 0)
      return true;
    if (typeof ctor !== "function")
      return true;
    const prot = ctor.prototype;
    if (isObject(prot) === false)
      return false;
    if (Object.prototype.hasOwnProperty.call(prot, "isPrototypeOf") === false) {
      return false;
    }
    return true;
  }
  function shallowClone(o8) {
    if (isPlainObject(o8))
      return { ...o8 };
    if (Array.isArray(o8))
      return [...o8];
    if (o8 instanceof Map)
      return new Map(o8);
    if (o8 instanceof Set)
      return new Set(o8);
    return o8;
  }
  function numKeys(data) {
    let keyCount = 0;
    for (const key in data) {
      if (Object.prototype.hasOwnProperty.call(data, key)) {
        keyCount++;
      }
    }
    return keyCount;
  }
  var getParsedType = (data) => {
    const t5 = typeof data;
    switch (t5) {
      case "undefined":
        return "undefined";
      case "string":
        return "string";
      case "number":
        return Number.isNaN(data) ? "nan" : "number";
      case "boolean":
        return "boolean";
      case "function":
        return "function";
      case "bigint":
        return "bigint";
      case "symbol":
        return "symbol";
      case "object":
        if (Array.isArray(data)) {
          return "array";
        }
        if (data === null) {
          return "null";
        }
        if (data.then && typeof data.then === "function" && data.catch && typeof data.catch === "function") {
          return "promise";
        }
        if (typeof Map !== "undefined" && data instanceof Map) {
          return "map";
        }
        if (typeof Set !== "undefined" && data instanceof Set) {
          return "set";
        }
        if (typeof Date !== "undefined" && data instanceof Date) {
          return "date";
        }
        if (typeof File !== "undefined" && data instanceof File) {
          return "file";
        }
        return "object";
      default:
        throw new Error(`Unknown data type: ${t5}`);
    }
  };
  var propertyKeyTypes = /* @__PURE__ */ new Set(["string", "number", "symbol"]);
  var primitiveTypes = /* @__PURE__ */ new Set([
    "string",
    "number",
    "bigint",
    "boolean",
    "symbol",
    "undefined"
  ]);
  function escapeRegex(str) {
    return str.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  function clone(inst, def, params) {
    const cl = new inst._zod.constr(def ?? inst._zod.def);
    if (!def || params?.parent)
      cl._zod.parent = inst;
    return cl;
  }
  function normalizeParams(_params) {
    const params = _params;
    if (!params)
      return {};
    if (typeof params === "string")
      return { error: () => params };
    if (params?.message !== void 0) {
      if (params?.error !== void 0)
        throw new Error("Cannot specify both `message` and `error` params");
      params.error = params.message;
    }
    delete params.message;
    if (typeof params.error === "string")
      return { ...params, error: () => params.error };
    return params;
  }
  function createTransparentProxy(getter) {
    let target;
    return new Proxy({}, {
      get(_2, prop, receiver) {
        target ?? (target = getter());
        return Reflect.get(target, prop, receiver);
      },
      set(_2, prop, value, receiver) {
        target ?? (target = getter());
        return Reflect.set(target, prop, value, receiver);
      },
      has(_2, prop) {
        target ?? (target = getter());
        return Reflect.has(target, prop);
      },
      deleteProperty(_2, prop) {
        target ?? (target = getter());
        return Reflect.deleteProperty(target, prop);
      },
      ownKeys(_2) {
        target ?? (target = getter());
        return Reflect.ownKeys(target);
      },
      getOwnPropertyDescriptor(_2, prop) {
        target ?? (target = getter());
        return Reflect.getOwnPropertyDescriptor(target, prop);
      },
      defineProperty(_2, prop, descriptor) {
        target ?? (target = getter());
        return Reflect.defineProperty(target, prop, descriptor);
      }
    });
  }
  function stringifyPrimitive(value) {
    if (typeof value === "bigint")
      return value.toString() + "n";
    if (typeof value === "string")
      return `"${value}"`;
    return `${value}`;
  }
  function optionalKeys(shape) {
    return Object.keys(shape).filter((k2) => {
      return shape[k2]._zod.optin !== void 0 && shape[k2]._zod.optout === "optional";
    });
  }
  var NUMBER_FORMAT_RANGES = /* @__PURE__ */ (() => ({
    safeint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
    int32: [-2147483648, 2147483647],
    uint32: [0, 4294967295],
    float32: [-34028234663852886e22, 34028234663852886e22],
    float64: [-Number.MAX_VALUE, Number.MAX_VALUE]
  }))();
  var BIGINT_FORMAT_RANGES = {
    int64: [/* @__PURE__ */ BigInt("-9223372036854775808"), /* @__PURE__ */ BigInt("9223372036854775807")],
    uint64: [/* @__PURE__ */ BigInt(0), /* @__PURE__ */ BigInt("18446744073709551615")]
  };
  function pick(schema, mask) {
    const currDef = schema._zod.def;
    const checks = currDef.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
      throw new Error(".pick() cannot be used on object schemas containing refinements");
    }
    const newShape = {};
    mirrorShape(newShape, schema, maskedKeys(schema, mask));
    return clone(schema, mergeDefs(currDef, { shape: newShape, checks: [] }));
  }
  function maskedKeys(schema, mask) {
    const raw = sourceShape(schema);
    const keys = [];
    for (const key of Reflect.ownKeys(mask)) {
      if (!Object.getOwnPropertyDescriptor(raw, key)?.enumerable) {
        throw new Error(`Unrecognized key: "${String(key)}"`);
      }
      if (mask[key])
        keys.push(key);
    }
    return keys;
  }
  function omit(schema, mask) {
    const currDef = schema._zod.def;
    const checks = currDef.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
      throw new Error(".omit() cannot be used on object schemas containing refinements");
    }
    const omitted = new Set(maskedKeys(schema, mask));
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)).filter((key) => !omitted.has(key)));
    return clone(schema, mergeDefs(currDef, { shape: newShape, checks: [] }));
  }
  function extend(schema, shape) {
    if (!isPlainObject(shape)) {
      throw new Error("Invalid input to extend: expected a plain object");
    }
    const checks = schema._zod.def.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
      const existingShape = sourceShape(schema);
      for (const key of Reflect.ownKeys(shape)) {
        if (Object.getOwnPropertyDescriptor(existingShape, key) !== void 0) {
          throw new Error("Cannot overwrite keys on object schemas containing refinements. Use `.safeExtend()` instead.");
        }
      }
    }
    return clone(schema, mergeDefs(schema._zod.def, { shape: extended(schema, shape) }));
  }
  function extended(schema, shape) {
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)));
    mirrorProps(newShape, shape);
    return newShape;
  }
  function safeExtend(schema, shape) {
    if (!isPlainObject(shape)) {
      throw new Error("Invalid input to safeExtend: expected a plain object");
    }
    return clone(schema, mergeDefs(schema._zod.def, { shape: extended(schema, shape) }));
  }
  function merge(a3, b3) {
    if (!b3?._zod?.def) {
      throw new Error("Invalid input to merge: expected an object schema. To merge a plain shape, use `.extend()`.");
    }
    if (a3._zod.def.checks?.length) {
      throw new Error(".merge() cannot be used on object schemas containing refinements. Use .safeExtend() instead.");
    }
    const newShape = {};
    mirrorShape(newShape, a3, Reflect.ownKeys(sourceShape(a3)));
    mirrorShape(newShape, b3, Reflect.ownKeys(sourceShape(b3)));
    const def = mergeDefs(a3._zod.def, {
      shape: newShape,
      get catchall() {
        return b3._zod.def.catchall;
      },
      checks: b3._zod.def.checks ?? []
    });
    return clone(a3, def);
  }
  function partial(Class2, schema, mask, name = "partial") {
    const currDef = schema._zod.def;
    const checks = currDef.checks;
    const hasChecks = checks && checks.length > 0;
    if (hasChecks) {
      throw new Error(`.${name}() cannot be used on object schemas containing refinements`);
    }
    const selected = mask ? new Set(maskedKeys(schema, mask)) : void 0;
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)), Class2 && ((value, key) => selected && !selected.has(key) ? value : new Class2({ type: "optional", innerType: value })));
    return clone(schema, mergeDefs(schema._zod.def, { shape: newShape, checks: [] }));
  }
  function required(Class2, schema, mask) {
    const selected = mask ? new Set(maskedKeys(schema, mask)) : void 0;
    const newShape = {};
    mirrorShape(newShape, schema, Reflect.ownKeys(sourceShape(schema)), (value, key) => (
      // overwrite with non-optional
      selected && !selected.has(key) ? value : new Class2({ type: "nonoptional", innerType: value })
    ));
    return clone(schema, mergeDefs(schema._zod.def, { shape: newShape }));
  }
  function aborted(x2, startIndex = 0) {
    if (x2.aborted === true)
      return true;
    for (let i7 = startIndex; i7 < x2.issues.length; i7++) {
      if (x2.issues[i7]?.continue !== true) {
        return true;
      }
    }
    return false;
  }
  function explicitlyAborted(x2, startIndex = 0) {
    if (x2.aborted === true)
      return true;
    for (let i7 = startIndex; i7 < x2.issues.length; i7++) {
      if (x2.issues[i7]?.continue === false) {
        return true;
      }
    }
    return false;
  }
  function prefixIssues(path, issues) {
    return issues.map((iss) => {
      var _a3;
      (_a3 = iss).path ?? (_a3.path = []);
      iss.path.unshift(path);
      return iss;
    });
  }
  function unwrapMessage(message) {
    return typeof message === "string" ? message : message?.message;
  }
  function sizeCaps(defChecks) {
    const caps = [];
    for (const ch of defChecks ?? []) {
      const d3 = ch._zod.def;
      if (!/_(length|size)$|_equals$/.test(d3.check))
        break;
      const max = d3.maximum ?? d3.length ?? d3.size;
      if (max >= 0)
        caps.push([max, ch]);
    }
    return caps;
  }
  function attachSchema(issues, start, inst) {
    var _a3;
    for (let i7 = start; i7 < issues.length; i7++) {
      (_a3 = issues[i7]).schema ?? (_a3.schema = inst);
    }
  }
  function finalizeIssue(iss, ctx2, config2) {
    var _a3;
    const traits = iss.inst?._zod?.traits;
    if (traits?.has("$ZodType")) {
      if (traits.has("$ZodCheck"))
        (_a3 = iss).schema ?? (_a3.schema = iss.inst);
      else
        iss.schema = iss.inst;
    }
    const schemaError = iss.schema !== iss.inst ? iss.schema?._zod.def?.error : void 0;
    const message = iss.message ? iss.message : unwrapMessage(iss.inst?._zod.def?.error?.(iss)) ?? unwrapMessage(schemaError?.(iss)) ?? unwrapMessage(ctx2?.error?.(iss)) ?? unwrapMessage(config2.customError?.(iss)) ?? unwrapMessage(config2.localeError?.(iss)) ?? "Invalid input";
    const full = {};
    for (const k2 of Object.keys(iss)) {
      if (k2 === "inst" || k2 === "schema" || k2 === "continue" || k2 === "input" || k2 === "__proto__")
        continue;
      full[k2] = iss[k2];
    }
    full.path ?? (full.path = []);
    full.message = message;
    if (ctx2?.reportInput) {
      full.input = iss.input;
    }
    return full;
  }
  function getSizableOrigin(input) {
    if (input instanceof Set)
      return "set";
    if (input instanceof Map)
      return "map";
    if (input instanceof File)
      return "file";
    return "unknown";
  }
  var highSurrogate = /[\uD800-\uDBFF]/;
  function codePointLength(str) {
    const units = str.length;
    if (!highSurrogate.test(str))
      return units;
    let count = units;
    for (let i7 = 0; i7 < units - 1; i7++) {
      if ((str.charCodeAt(i7) & 64512) === 55296 && (str.charCodeAt(i7 + 1) & 64512) === 56320) {
        count--;
        i7++;
      }
    }
    return count;
  }
  function getLengthableOrigin(input) {
    if (Array.isArray(input))
      return "array";
    if (typeof input === "string")
      return "string";
    return "unknown";
  }
  function parsedType(data) {
    const t5 = typeof data;
    switch (t5) {
      case "number": {
        return Number.isNaN(data) ? "nan" : "number";
      }
      case "object": {
        if (data === null) {
          return "null";
        }
        if (Array.isArray(data)) {
          return "array";
        }
        const obj = data;
        if (obj && Object.getPrototypeOf(obj) !== Object.prototype && "constructor" in obj && obj.constructor) {
          return obj.constructor.name;
        }
      }
    }
    return t5;
  }
  function issue(...args) {
    const [iss, input, inst] = args;
    if (typeof iss === "string") {
      return {
        message: iss,
        code: "custom",
        input,
        inst
      };
    }
    return { ...iss };
  }
  function cleanEnum(obj) {
    return Object.entries(obj).filter(([k2, _2]) => {
      return Number.isNaN(Number.parseInt(k2, 10));
    }).map((el) => el[1]);
  }
  function base64ToUint8Array(base642) {
    const binaryString = atob(base642);
    const bytes = new Uint8Array(binaryString.length);
    for (let i7 = 0; i7 < binaryString.length; i7++) {
      bytes[i7] = binaryString.charCodeAt(i7);
    }
    return bytes;
  }
  function uint8ArrayToBase64(bytes) {
    let binaryString = "";
    for (let i7 = 0; i7 < bytes.length; i7++) {
      binaryString += String.fromCharCode(bytes[i7]);
    }
    return btoa(binaryString);
  }
  function base64urlToUint8Array(base64url2) {
    const base642 = base64url2.replace(/-/g, "+").replace(/_/g, "/");
    const padding = "=".repeat((4 - base642.length % 4) % 4);
    return base64ToUint8Array(base642 + padding);
  }
  function uint8ArrayToBase64url(bytes) {
    return uint8ArrayToBase64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=/g, "");
  }
  function hexToUint8Array(hex) {
    const cleanHex = hex.replace(/^0x/, "");
    if (cleanHex.length % 2 !== 0) {
      throw new Error("Invalid hex string length");
    }
    const bytes = new Uint8Array(cleanHex.length / 2);
    for (let i7 = 0; i7 < cleanHex.length; i7 += 2) {
      bytes[i7 / 2] = Number.parseInt(cleanHex.slice(i7, i7 + 2), 16);
    }
    return bytes;
  }
  function uint8ArrayToHex(bytes) {
    return Array.from(bytes).map((b3) => b3.toString(16).padStart(2, "0")).join("");
  }
  var Class = class {
    constructor(..._args) {
    }
  };
  function members(proto, table) {
    for (const key in table) {
      const desc = Object.getOwnPropertyDescriptor(table, key);
      if (desc.get)
        Object.defineProperty(proto, key, { ...desc, enumerable: false });
      else
        defineBound(proto, key, desc.value);
    }
  }
  function own(inst, key, value, enumerable = true) {
    Object.defineProperty(inst, key, { configurable: true, writable: true, enumerable, value });
    return value;
  }
  function hide(inst, key, value) {
    return own(inst, key, value, false);
  }
  // @__NO_SIDE_EFFECTS__
  function derived(computes, table) {
    for (const key in computes) {
      const compute = computes[key];
      Object.defineProperty(table, key, {
        configurable: true,
        enumerable: true,
        get() {
          return own(this, key, compute(this));
        },
        set(value) {
          own(this, key, value);
        }
      });
    }
    return table;
  }
  function defineBound(proto, key, fn) {
    Object.defineProperty(proto, key, {
      configurable: true,
      get() {
        return this == null ? fn : own(this, key, fn.bind(this));
      },
      set(value) {
        own(this, key, value);
      }
    });
  }
  function claim(inst, sentinel) {
    const proto = Object.getPrototypeOf(inst);
    return sentinel in proto ? void 0 : proto;
  }
  var installing;
  var broke = false;
  var breaker = {
    configurable: true,
    get() {
      broke = true;
      return void 0;
    }
  };
  function defineLazyInternal(inst, key, compute) {
    const proto = Object.getPrototypeOf(inst._zod);
    if (key in proto && installing !== inst._zod) {
      installing = void 0;
      return;
    }
    installing = inst._zod;
    Object.defineProperty(proto, key, {
      configurable: true,
      get() {
        Object.defineProperty(this, key, breaker);
        const outer = broke;
        broke = false;
        try {
          const value = compute(this);
          if (broke)
            delete this[key];
          else
            Object.defineProperty(this, key, { configurable: true, writable: true, value });
          broke = broke || outer;
          return value;
        } catch (err) {
          delete this[key];
          broke = broke || outer;
          throw err;
        }
      },
      set(value) {
        Object.defineProperty(this, key, { configurable: true, writable: true, value });
      }
    });
  }
  function installLazyProp(inst, key, make, enumerable) {
    const proto = claim(inst, key);
    if (!proto)
      return;
    Object.defineProperty(proto, key, {
      configurable: true,
      get() {
        const desc = { configurable: true, writable: true, enumerable, value: void 0 };
        Object.defineProperty(this, key, desc);
        desc.value = make(this);
        Object.defineProperty(this, key, desc);
        return desc.value;
      },
      set(value) {
        Object.defineProperty(this, key, { configurable: true, writable: true, enumerable, value });
      }
    });
  }
  var CONSTANT_CATCH = "~constantCatch";
  function constantCatch(value) {
    const fn = () => value;
    fn[CONSTANT_CATCH] = true;
    return fn;
  }

  // node_modules/zod/v4/core/core.js
  var _a;
  var _zodDesc = { value: void 0, enumerable: false };
  var _E = "captureStackTrace" in Error ? Error : null;
  function newError(Definition) {
    const E2 = _E;
    if (E2) {
      const saved2 = E2.stackTraceLimit;
      if (typeof saved2 === "number") {
        try {
          E2.stackTraceLimit = 0;
        } catch {
          _E = null;
          return new Definition();
        }
        try {
          return new Definition();
        } finally {
          E2.stackTraceLimit = saved2;
        }
      }
    }
    return new Definition();
  }
  // @__NO_SIDE_EFFECTS__
  function $constructor(name, initializer3, proto, params) {
    const zodProto = {};
    function Internals(def) {
      this.def = def;
      this.constr = _2;
      this.traits = /* @__PURE__ */ new Set();
    }
    Internals.prototype = zodProto;
    const protoMembers = proto;
    const initialized = protoMembers && /* @__PURE__ */ new WeakSet();
    function init(inst, def) {
      if (!inst._zod) {
        _zodDesc.value = new Internals(def);
        try {
          Object.defineProperty(inst, "_zod", _zodDesc);
        } finally {
          _zodDesc.value = void 0;
        }
      } else if (inst._zod.traits.has(name)) {
        return;
      }
      inst._zod.traits.add(name);
      initializer3(inst, def);
      if (initialized) {
        const own2 = Object.getPrototypeOf(inst);
        const ctorProto = inst._zod.constr.prototype;
        let up = own2;
        while (up && up !== ctorProto)
          up = Object.getPrototypeOf(up);
        const target = up ?? own2;
        if (!initialized.has(target)) {
          initialized.add(target);
          members(target, protoMembers);
        }
      }
      const proto2 = _2.prototype;
      for (const k2 in proto2) {
        if (!Object.prototype.hasOwnProperty.call(proto2, k2))
          continue;
        if (!(k2 in inst)) {
          inst[k2] = proto2[k2].bind(inst);
        }
      }
    }
    const Parent = params?.Parent ?? Object;
    class Definition extends Parent {
    }
    Object.defineProperty(Definition, "name", { value: name });
    function _2(def) {
      const inst = params?.Parent ? newError(Definition) : this;
      init(inst, def);
      const deferred = inst._zod.deferred;
      if (deferred) {
        for (const fn of deferred) {
          fn();
        }
        inst._zod.deferred = void 0;
      }
      const pp = globalThis.__zod_globalConfig?.postProcessor;
      if (pp)
        pp(inst);
      return inst;
    }
    Object.defineProperty(_2, "init", { value: init });
    Object.defineProperty(_2, Symbol.hasInstance, {
      value: (inst) => {
        if (params?.Parent && inst instanceof params.Parent)
          return true;
        return inst?._zod?.traits?.has(name);
      }
    });
    Object.defineProperty(_2, "name", { value: name });
    return _2;
  }
  var $ZodAsyncError = class extends Error {
    constructor() {
      super(`Encountered Promise during synchronous parse. Use .parseAsync() instead.`);
    }
  };
  var $ZodEncodeError = class extends Error {
    constructor(name) {
      super(`Encountered unidirectional transform during encode: ${name}`);
      this.name = "ZodEncodeError";
    }
  };
  (_a = globalThis).__zod_globalConfig ?? (_a.__zod_globalConfig = {});
  var globalConfig = globalThis.__zod_globalConfig;
  function config(newConfig) {
    if (newConfig)
      Object.assign(globalConfig, newConfig);
    return globalConfig;
  }

  // node_modules/zod/v4/core/errors.js
  function _getMessage() {
    const internals = this._zod;
    internals.message ?? (internals.message = JSON.stringify(internals.def, jsonStringifyReplacer, 2));
    return internals.message;
  }
  function _setMessage(value) {
    this._zod.message = value;
  }
  var _messageDesc = {
    get: _getMessage,
    set: _setMessage,
    enumerable: true,
    configurable: true
  };
  var _issuesDesc = { value: void 0, enumerable: false };
  var _installedToString = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
  var initializer = (inst, def) => {
    inst.name = "$ZodError";
    _issuesDesc.value = def;
    Object.defineProperty(inst, "issues", _issuesDesc);
    _issuesDesc.value = void 0;
    Object.defineProperty(inst, "message", _messageDesc);
    const proto = Object.getPrototypeOf(inst);
    if (!_installedToString.has(proto)) {
      _installedToString.add(proto);
      Object.defineProperty(proto, "toString", {
        configurable: true,
        enumerable: false,
        get() {
          const value = () => this.message;
          Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
          return value;
        },
        set(value) {
          Object.defineProperty(this, "toString", { value, configurable: true, writable: true });
        }
      });
    }
  };
  var $ZodError = $constructor("$ZodError", initializer);
  var $ZodRealError = $constructor("$ZodError", initializer, void 0, {
    Parent: Error
  });
  function node(obj, key, make) {
    if (!Object.prototype.hasOwnProperty.call(obj, key)) {
      if (key === "__proto__") {
        Object.defineProperty(obj, key, { value: make(), writable: true, enumerable: true, configurable: true });
      } else {
        obj[key] = make();
      }
    }
    return obj[key];
  }
  function flattenError(error2, mapper = (issue2) => issue2.message) {
    const fieldErrors = {};
    const formErrors = [];
    for (const sub of error2.issues) {
      if (sub.path.length > 0) {
        node(fieldErrors, sub.path[0], () => []).push(mapper(sub));
      } else {
        formErrors.push(mapper(sub));
      }
    }
    return { formErrors, fieldErrors };
  }
  function formatError(error2, mapper = (issue2) => issue2.message) {
    const fieldErrors = { _errors: [] };
    const processError = (error3, path = []) => {
      for (const issue2 of error3.issues) {
        if (issue2.code === "invalid_union" && issue2.errors.length) {
          issue2.errors.map((issues) => processError({ issues }, [...path, ...issue2.path]));
        } else if (issue2.code === "invalid_key") {
          processError({ issues: issue2.issues }, [...path, ...issue2.path]);
        } else if (issue2.code === "invalid_element") {
          processError({ issues: issue2.issues }, [...path, ...issue2.path]);
        } else {
          const fullpath = [...path, ...issue2.path];
          if (fullpath.length === 0) {
            fieldErrors._errors.push(mapper(issue2));
          } else {
            let curr = fieldErrors;
            let i7 = 0;
            while (i7 < fullpath.length) {
              const el = fullpath[i7];
              const terminal = i7 === fullpath.length - 1;
              if (el === "_errors") {
                if (terminal)
                  curr._errors.push(mapper(issue2));
                i7++;
                continue;
              }
              if (!Object.prototype.hasOwnProperty.call(curr, el)) {
                Object.defineProperty(curr, el, {
                  value: { _errors: [] },
                  enumerable: true,
                  writable: true,
                  configurable: true
                });
              }
              const node2 = curr[el];
              if (terminal) {
                node2._errors.push(mapper(issue2));
              }
              curr = node2;
              i7++;
            }
          }
        }
      }
    };
    processError(error2);
    return fieldErrors;
  }

  // node_modules/zod/v4/core/parse.js
  function finalizeParams(callee, params) {
    return { callee: params?.callee ?? callee, Err: params?.Err };
  }
  var _parse = (_Err) => {
    const fn = (schema, value, _ctx, _params) => {
      const ctx2 = _ctx ? { ..._ctx, async: false } : { async: false };
      const result = schema._zod.run({ value, issues: [] }, ctx2);
      if (result instanceof Promise) {
        throw new $ZodAsyncError();
      }
      if (result.issues.length) {
        const e8 = new (_params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx2, config())));
        captureStackTrace(e8, _params?.callee ?? fn);
        throw e8;
      }
      return result.value;
    };
    return fn;
  };
  var _parseAsync = (_Err) => {
    const fn = async (schema, value, _ctx, params) => {
      const ctx2 = _ctx ? { ..._ctx, async: true } : { async: true };
      let result = schema._zod.run({ value, issues: [] }, ctx2);
      if (result instanceof Promise)
        result = await result;
      if (result.issues.length) {
        const e8 = new (params?.Err ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx2, config())));
        captureStackTrace(e8, params?.callee ?? fn);
        throw e8;
      }
      return result.value;
    };
    return fn;
  };
  var _safeParse = (_Err) => (schema, value, _ctx) => {
    const ctx2 = _ctx ? { ..._ctx, async: false } : { async: false };
    const result = schema._zod.run({ value, issues: [] }, ctx2);
    if (result instanceof Promise) {
      throw new $ZodAsyncError();
    }
    return result.issues.length ? failure(_Err, result.issues, ctx2) : { success: true, data: result.value };
  };
  function failure(Err, issues, ctx2) {
    let error2;
    return {
      success: false,
      get error() {
        if (!error2) {
          error2 = new Err(issues.map((iss) => finalizeIssue(iss, ctx2, config())));
          issues = void 0;
          ctx2 = void 0;
        }
        return error2;
      },
      set error(e8) {
        error2 = e8;
        issues = void 0;
        ctx2 = void 0;
      }
    };
  }
  var _safeParseAsync = (_Err) => async (schema, value, _ctx) => {
    const ctx2 = _ctx ? { ..._ctx, async: true } : { async: true };
    let result = schema._zod.run({ value, issues: [] }, ctx2);
    if (result instanceof Promise)
      result = await result;
    return result.issues.length ? failure(_Err, result.issues, ctx2) : { success: true, data: result.value };
  };
  var COMPILE_INVALID = /* @__PURE__ */ Symbol.for("zod.compile.invalid");
  var COMPILE_FALLBACK = /* @__PURE__ */ Symbol.for("zod.compile.fallback");
  var validate = ((schema, value, _ctx) => {
    const validator = schema._zod.bag.validator;
    if (validator !== void 0) {
      if (validator(value) !== COMPILE_INVALID)
        return true;
      if (validator.definite === true && _ctx === void 0)
        return false;
    }
    return validateFallback(schema, value, _ctx);
  });
  function validateFallback(schema, value, _ctx) {
    const ctx2 = _ctx ? { ..._ctx, async: false, abortEarly: true } : { async: false, abortEarly: true };
    const fallbackRun = schema._zod.bag.fallbackRun;
    let result;
    if (fallbackRun) {
      ctx2[COMPILE_FALLBACK] = true;
      result = fallbackRun({ value, issues: [] }, ctx2);
    } else {
      result = schema._zod.run({ value, issues: [] }, ctx2);
    }
    if (result instanceof Promise) {
      throw new $ZodAsyncError();
    }
    return result.issues.length === 0;
  }
  var validateAsync = async (schema, value, _ctx) => {
    const ctx2 = _ctx ? { ..._ctx, async: true, abortEarly: true } : { async: true, abortEarly: true };
    let result = schema._zod.run({ value, issues: [] }, ctx2);
    if (result instanceof Promise)
      result = await result;
    return result.issues.length === 0;
  };
  var _encode = (_Err) => {
    const parse2 = _parse(_Err);
    const fn = (schema, value, _ctx, _params) => {
      const ctx2 = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
      return parse2(schema, value, ctx2, finalizeParams(fn, _params));
    };
    return fn;
  };
  var _decode = (_Err) => {
    const parse2 = _parse(_Err);
    const fn = (schema, value, _ctx, _params) => {
      return parse2(schema, value, _ctx, finalizeParams(fn, _params));
    };
    return fn;
  };
  var _encodeAsync = (_Err) => {
    const parseAsync2 = _parseAsync(_Err);
    const fn = async (schema, value, _ctx, _params) => {
      const ctx2 = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
      return await parseAsync2(schema, value, ctx2, finalizeParams(fn, _params));
    };
    return fn;
  };
  var _decodeAsync = (_Err) => {
    const parseAsync2 = _parseAsync(_Err);
    const fn = async (schema, value, _ctx, _params) => {
      return await parseAsync2(schema, value, _ctx, finalizeParams(fn, _params));
    };
    return fn;
  };
  var _safeEncode = (_Err) => (schema, value, _ctx) => {
    const ctx2 = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
    return _safeParse(_Err)(schema, value, ctx2);
  };
  var _safeDecode = (_Err) => (schema, value, _ctx) => {
    return _safeParse(_Err)(schema, value, _ctx);
  };
  var _safeEncodeAsync = (_Err) => async (schema, value, _ctx) => {
    const ctx2 = _ctx ? { ..._ctx, direction: "backward" } : { direction: "backward" };
    return _safeParseAsync(_Err)(schema, value, ctx2);
  };
  var _safeDecodeAsync = (_Err) => async (schema, value, _ctx) => {
    return _safeParseAsync(_Err)(schema, value, _ctx);
  };

  // node_modules/zod/v4/core/regexes.js
  var cuid = /^[cC][0-9a-z]{6,}$/;
  var cuid2 = /^[0-9a-z]+$/;
  var ulid = /^[0-7][0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{25}$/;
  var xid = /^[0-9a-vA-V]{20}$/;
  var ksuid = /^[A-Za-z0-9]{27}$/;
  var nanoid = /^[a-zA-Z0-9_-]{21}$/;
  function nanoidOfLength(length) {
    return new RegExp(`^[a-zA-Z0-9_-]{${length}}$`);
  }
  var duration = /^P(?:(\d+W)|(?!.*W)(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+([.,]\d+)?S)?)?)$/;
  var guid = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;
  var uuid = (version2) => {
    if (!version2)
      return /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;
    return new RegExp(`^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-${version2}[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12})$`);
  };
  var email = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
  var _emoji = `^(?=[\\s\\S]*[\\p{Extended_Pictographic}\\p{Regional_Indicator}\\u20E3])[\\p{Extended_Pictographic}\\p{Emoji_Component}]+$`;
  function emoji() {
    return new RegExp(_emoji, "u");
  }
  var ipv4 = /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])$/;
  var ipv6 = /^(([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:))$/;
  var cidrv4 = /^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\/([0-9]|[1-2][0-9]|3[0-2])$/;
  var cidrv6 = /^(([0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,7}:|([0-9a-fA-F]{1,4}:){1,6}:[0-9a-fA-F]{1,4}|([0-9a-fA-F]{1,4}:){1,5}(:[0-9a-fA-F]{1,4}){1,2}|([0-9a-fA-F]{1,4}:){1,4}(:[0-9a-fA-F]{1,4}){1,3}|([0-9a-fA-F]{1,4}:){1,3}(:[0-9a-fA-F]{1,4}){1,4}|([0-9a-fA-F]{1,4}:){1,2}(:[0-9a-fA-F]{1,4}){1,5}|[0-9a-fA-F]{1,4}:((:[0-9a-fA-F]{1,4}){1,6})|:((:[0-9a-fA-F]{1,4}){1,7}|:))\/(12[0-8]|1[01][0-9]|[1-9]?[0-9])$/;
  var base64 = /^$|^(?:[0-9a-zA-Z+/]{4})*(?:(?:[0-9a-zA-Z+/]{2}==)|(?:[0-9a-zA-Z+/]{3}=))?$/;
  var base64url = /^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2,3})?$/;
  var httpProtocol = /^https?$/;
  var e164 = /^\+[1-9]\d{6,14}$/;
  var dateSource = `(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))`;
  function anchor(source) {
    return new RegExp(`^${source}$`);
  }
  var date = /* @__PURE__ */ anchor(dateSource);
  function timeSource(args) {
    const hhmm = `(?:[01]\\d|2[0-3]):[0-5]\\d`;
    const regex = typeof args.precision === "number" ? args.precision === -1 ? `${hhmm}` : args.precision === 0 ? `${hhmm}:[0-5]\\d` : `${hhmm}:[0-5]\\d\\.\\d{${args.precision}}` : args.seconds ? `${hhmm}:[0-5]\\d(?:\\.\\d+)?` : `${hhmm}(?::[0-5]\\d(?:\\.\\d+)?)?`;
    return regex;
  }
  function time(args) {
    return new RegExp(`^${timeSource(args)}$`);
  }
  function datetime(args) {
    const opts = ["Z"];
    if (args.offset)
      opts.push(`([+-](?:[01]\\d|2[0-3]):[0-5]\\d)`);
    const qualified = `${timeSource({ precision: args.precision, seconds: true })}(?:${opts.join("|")})`;
    const timeRegex = args.local ? `${qualified}|${timeSource({ precision: args.precision })}` : qualified;
    return new RegExp(`^${dateSource}T(?:${timeRegex})$`);
  }
  var anyString = /^[\s\S]{0,}$/;
  var integer = /^-?\d+$/;
  var number = /^-?\d+(?:\.\d+)?$/;
  var boolean = /^(?:true|false)$/i;
  var _null = /^null$/i;
  var lowercase = /^[^A-Z]*$/;
  var uppercase = /^[^a-z]*$/;

  // node_modules/zod/v4/core/checks.js
  var $ZodCheck = /* @__PURE__ */ $constructor("$ZodCheck", (inst, def) => {
    var _a3;
    inst._zod ?? (inst._zod = {});
    inst._zod.def = def;
    (_a3 = inst._zod).onattach ?? (_a3.onattach = []);
  });
  var _whenHasLength = (payload) => {
    const val = payload.value;
    return !nullish(val) && val.length !== void 0;
  };
  var numericOriginMap = {
    number: "number",
    bigint: "bigint",
    object: "date"
  };
  var $ZodCheckLessThan = /* @__PURE__ */ $constructor("$ZodCheckLessThan", (inst, def) => {
    $ZodCheck.init(inst, def);
    const origin = numericOriginMap[typeof def.value];
    inst._zod.check = (payload) => {
      if (def.inclusive ? payload.value <= def.value : payload.value < def.value) {
        return;
      }
      payload.issues.push({
        origin: numericOriginMap[typeof payload.value] ?? origin,
        code: "too_big",
        maximum: typeof def.value === "object" ? def.value.getTime() : def.value,
        input: payload.value,
        inclusive: def.inclusive,
        inst,
        continue: !def.abort
      });
    };
  });
  var $ZodCheckGreaterThan = /* @__PURE__ */ $constructor("$ZodCheckGreaterThan", (inst, def) => {
    $ZodCheck.init(inst, def);
    const origin = numericOriginMap[typeof def.value];
    inst._zod.check = (payload) => {
      if (def.inclusive ? payload.value >= def.value : payload.value > def.value) {
        return;
      }
      payload.issues.push({
        origin: numericOriginMap[typeof payload.value] ?? origin,
        code: "too_small",
        minimum: typeof def.value === "object" ? def.value.getTime() : def.value,
        input: payload.value,
        inclusive: def.inclusive,
        inst,
        continue: !def.abort
      });
    };
  });
  var $ZodCheckMultipleOf = /* @__PURE__ */ $constructor("$ZodCheckMultipleOf", (inst, def) => {
    $ZodCheck.init(inst, def);
    inst._zod.check = (payload) => {
      if (typeof payload.value !== typeof def.value)
        throw new Error("Cannot mix number and bigint in multiple_of check.");
      const isMultiple = typeof payload.value === "bigint" ? (
        // `value % 0n` throws, and nothing is a multiple of zero — the number branch already fails this way via NaN
        def.value !== BigInt(0) && payload.value % def.value === BigInt(0)
      ) : floatSafeRemainder(payload.value, def.value) === 0;
      if (isMultiple)
        return;
      payload.issues.push({
        origin: typeof payload.value,
        code: "not_multiple_of",
        divisor: def.value,
        input: payload.value,
        inst,
        continue: !def.abort
      });
    };
  });
  var $ZodCheckNumberFormat = /* @__PURE__ */ $constructor("$ZodCheckNumberFormat", (inst, def) => {
    $ZodCheck.init(inst, def);
    def.format = def.format || "float64";
    const isInt = def.format?.includes("int");
    const origin = isInt ? "int" : "number";
    const [minimum, maximum] = NUMBER_FORMAT_RANGES[def.format];
    inst._zod.check = (payload) => {
      const input = payload.value;
      if (isInt) {
        if (!Number.isInteger(input)) {
          payload.issues.push({
            expected: origin,
            format: def.format,
            code: "invalid_type",
            continue: false,
            input,
            inst
          });
          return;
        }
        if (!Number.isSafeInteger(input)) {
          if (input > 0) {
            payload.issues.push({
              input,
              code: "too_big",
              maximum: Number.MAX_SAFE_INTEGER,
              note: "Integers must be within the safe integer range.",
              inst,
              origin,
              inclusive: true,
              continue: !def.abort
            });
          } else {
            payload.issues.push({
              input,
              code: "too_small",
              minimum: Number.MIN_SAFE_INTEGER,
              note: "Integers must be within the safe integer range.",
              inst,
              origin,
              inclusive: true,
              continue: !def.abort
            });
          }
          return;
        }
      }
      if (input < minimum) {
        payload.issues.push({
          origin: "number",
          input,
          code: "too_small",
          minimum,
          inclusive: true,
          inst,
          continue: !def.abort
        });
      }
      if (input > maximum) {
        payload.issues.push({
          origin: "number",
          input,
          code: "too_big",
          maximum,
          inclusive: true,
          inst,
          continue: !def.abort
        });
      }
    };
  });
  var $ZodCheckMaxLength = /* @__PURE__ */ $constructor("$ZodCheckMaxLength", (inst, def) => {
    var _a3;
    $ZodCheck.init(inst, def);
    (_a3 = inst._zod.def).when ?? (_a3.when = _whenHasLength);
    inst._zod.check = (payload) => {
      const input = payload.value;
      const units = input.length;
      const length = typeof input === "string" && units > def.maximum ? codePointLength(input) : units;
      if (length <= def.maximum)
        return;
      const origin = getLengthableOrigin(input);
      payload.issues.push({
        origin,
        code: "too_big",
        maximum: def.maximum,
        inclusive: true,
        input,
        inst,
        continue: !def.abort
      });
    };
  });
  var $ZodCheckMinLength = /* @__PURE__ */ $constructor("$ZodCheckMinLength", (inst, def) => {
    var _a3;
    $ZodCheck.init(inst, def);
    (_a3 = inst._zod.def).when ?? (_a3.when = _whenHasLength);
    inst._zod.check = (payload) => {
      const input = payload.value;
      const units = input.length;
      const length = typeof input === "string" && units >= def.minimum && units < def.minimum * 2 ? codePointLength(input) : units;
      if (length >= def.minimum)
        return;
      const origin = getLengthableOrigin(input);
      payload.issues.push({
        origin,
        code: "too_small",
        minimum: def.minimum,
        inclusive: true,
        input,
        inst,
        continue: !def.abort
      });
    };
  });
  var $ZodCheckLengthEquals = /* @__PURE__ */ $constructor("$ZodCheckLengthEquals", (inst, def) => {
    var _a3;
    $ZodCheck.init(inst, def);
    (_a3 = inst._zod.def).when ?? (_a3.when = _whenHasLength);
    inst._zod.check = (payload) => {
      const input = payload.value;
      const units = input.length;
      const length = typeof input === "string" && units >= def.length && units <= def.length * 2 ? codePointLength(input) : units;
      if (length === def.length)
        return;
      const origin = getLengthableOrigin(input);
      const tooBig = length > def.length;
      payload.issues.push({
        origin,
        ...tooBig ? { code: "too_big", maximum: def.length } : { code: "too_small", minimum: def.length },
        inclusive: true,
        exact: true,
        input: payload.value,
        inst,
        continue: !def.abort
      });
    };
  });
  var $ZodCheckStringFormat = /* @__PURE__ */ $constructor("$ZodCheckStringFormat", (inst, def) => {
    var _a3, _b;
    $ZodCheck.init(inst, def);
    if (def.pattern)
      (_a3 = inst._zod).check ?? (_a3.check = (payload) => {
        def.pattern.lastIndex = 0;
        if (def.pattern.test(payload.value))
          return;
        payload.issues.push({
          origin: "string",
          code: "invalid_format",
          format: def.format,
          input: payload.value,
          ...def.pattern ? { pattern: def.pattern.toString() } : {},
          inst,
          continue: !def.abort
        });
      });
    else
      (_b = inst._zod).check ?? (_b.check = () => {
      });
  });
  var $ZodCheckRegex = /* @__PURE__ */ $constructor("$ZodCheckRegex", (inst, def) => {
    $ZodCheckStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
      def.pattern.lastIndex = 0;
      if (def.pattern.test(payload.value))
        return;
      payload.issues.push({
        origin: "string",
        code: "invalid_format",
        format: "regex",
        input: payload.value,
        pattern: def.pattern.toString(),
        inst,
        continue: !def.abort
      });
    };
  });
  var $ZodCheckLowerCase = /* @__PURE__ */ $constructor("$ZodCheckLowerCase", (inst, def) => {
    def.pattern ?? (def.pattern = lowercase);
    $ZodCheckStringFormat.init(inst, def);
  });
  var $ZodCheckUpperCase = /* @__PURE__ */ $constructor("$ZodCheckUpperCase", (inst, def) => {
    def.pattern ?? (def.pattern = uppercase);
    $ZodCheckStringFormat.init(inst, def);
  });
  var $ZodCheckIncludes = /* @__PURE__ */ $constructor("$ZodCheckIncludes", (inst, def) => {
    $ZodCheck.init(inst, def);
    const escapedRegex = escapeRegex(def.includes);
    const pattern = new RegExp(typeof def.position === "number" ? `^.{${def.position},}${escapedRegex}` : escapedRegex);
    def.pattern = pattern;
    inst._zod.check = (payload) => {
      if (payload.value.includes(def.includes, def.position))
        return;
      payload.issues.push({
        origin: "string",
        code: "invalid_format",
        format: "includes",
        includes: def.includes,
        input: payload.value,
        inst,
        continue: !def.abort
      });
    };
  });
  var $ZodCheckStartsWith = /* @__PURE__ */ $constructor("$ZodCheckStartsWith", (inst, def) => {
    $ZodCheck.init(inst, def);
    const pattern = new RegExp(`^${escapeRegex(def.prefix)}.*`);
    def.pattern ?? (def.pattern = pattern);
    inst._zod.check = (payload) => {
      if (payload.value.startsWith(def.prefix))
        return;
      payload.issues.push({
        origin: "string",
        code: "invalid_format",
        format: "starts_with",
        prefix: def.prefix,
        input: payload.value,
        inst,
        continue: !def.abort
      });
    };
  });
  var $ZodCheckEndsWith = /* @__PURE__ */ $constructor("$ZodCheckEndsWith", (inst, def) => {
    $ZodCheck.init(inst, def);
    const pattern = new RegExp(`.*${escapeRegex(def.suffix)}$`);
    def.pattern ?? (def.pattern = pattern);
    inst._zod.check = (payload) => {
      if (payload.value.endsWith(def.suffix))
        return;
      payload.issues.push({
        origin: "string",
        code: "invalid_format",
        format: "ends_with",
        suffix: def.suffix,
        input: payload.value,
        inst,
        continue: !def.abort
      });
    };
  });
  var $ZodCheckOverwrite = /* @__PURE__ */ $constructor("$ZodCheckOverwrite", (inst, def) => {
    $ZodCheck.init(inst, def);
    inst._zod.check = (payload) => {
      payload.value = def.tx(payload.value);
    };
  });

  // node_modules/zod/v4/core/doc.js
  var Doc = class {
    constructor(args = [], closed = {}) {
      this.content = [];
      this.indent = 0;
      this.args = args;
      this.closed = closed;
    }
    // the compiler catches a child's throw and keeps writing into this doc, so the indent has to unwind with it
    indented(fn) {
      this.indent += 1;
      try {
        fn(this);
      } finally {
        this.indent -= 1;
      }
    }
    write(arg) {
      if (typeof arg === "function") {
        arg(this, { execution: "sync" });
        arg(this, { execution: "async" });
        return;
      }
      const content2 = arg;
      const lines = content2.split("\n").filter((x2) => x2);
      const minIndent = Math.min(...lines.map((x2) => x2.length - x2.trimStart().length));
      const dedented = lines.map((x2) => x2.slice(minIndent)).map((x2) => " ".repeat(this.indent * 2) + x2);
      for (const line of dedented) {
        this.content.push(line);
      }
    }
    compile() {
      const F = Function;
      const content2 = this?.content ?? [``];
      const factory = new F(...Object.keys(this.closed), `return function (${this.args.join(", ")}) {
${content2.join("\n")}
};`);
      return factory(...Object.values(this.closed));
    }
  };

  // node_modules/zod/v4/core/versions.js
  var version = {
    major: 4,
    minor: 6,
    patch: 7
  };

  // node_modules/zod/v4/core/schemas.js
  var $ZodType = /* @__PURE__ */ $constructor("$ZodType", (inst, def) => {
    var _a3;
    inst ?? (inst = {});
    inst._zod.def = def;
    inst._zod.bag = inst._zod.bag || {};
    inst._zod.version = version;
    const defChecks = inst._zod.def.checks;
    const checks = inst._zod.traits.has("$ZodCheck") ? [inst, ...defChecks ?? []] : defChecks?.length ? [...defChecks] : [];
    for (const ch of checks) {
      for (const fn of ch._zod.onattach) {
        fn(inst);
      }
    }
    if (checks.length === 0) {
      (_a3 = inst._zod).deferred ?? (_a3.deferred = []);
      inst._zod.deferred?.push(() => {
        inst._zod.run = inst._zod.parse;
      });
    } else {
      const runChecks = (payload, checks2, ctx2) => {
        if (payload.memo)
          return payload;
        let isAborted = aborted(payload);
        let asyncResult;
        for (const ch of checks2) {
          if (ch._zod.def.when) {
            if (explicitlyAborted(payload))
              continue;
            const shouldRun = ch._zod.def.when(payload);
            if (!shouldRun)
              continue;
          } else if (isAborted) {
            continue;
          }
          const currLen = payload.issues.length;
          const _2 = ch._zod.check(payload);
          if (_2 instanceof Promise && ctx2?.async === false) {
            throw new $ZodAsyncError();
          }
          if (asyncResult || _2 instanceof Promise) {
            asyncResult = (asyncResult ?? Promise.resolve()).then(async () => {
              await _2;
              const nextLen = payload.issues.length;
              if (nextLen === currLen)
                return;
              attachSchema(payload.issues, currLen, inst);
              if (!isAborted)
                isAborted = aborted(payload, currLen);
            });
          } else {
            const nextLen = payload.issues.length;
            if (nextLen === currLen)
              continue;
            attachSchema(payload.issues, currLen, inst);
            if (!isAborted)
              isAborted = aborted(payload, currLen);
          }
        }
        if (asyncResult) {
          return asyncResult.then(() => {
            return payload;
          });
        }
        return payload;
      };
      const handleCanaryResult = (canary, payload, ctx2) => {
        if (aborted(canary)) {
          canary.aborted = true;
          return canary;
        }
        const checkResult = runChecks(payload, checks, ctx2);
        if (checkResult instanceof Promise) {
          if (ctx2.async === false)
            throw new $ZodAsyncError();
          return checkResult.then((checkResult2) => inst._zod.parse(checkResult2, ctx2));
        }
        return inst._zod.parse(checkResult, ctx2);
      };
      inst._zod.run = (payload, ctx2) => {
        if (ctx2.skipChecks) {
          return inst._zod.parse(payload, ctx2);
        }
        if (ctx2.direction === "backward") {
          const canary = inst._zod.parse({ value: payload.value, issues: [] }, { ...ctx2, skipChecks: true });
          if (canary instanceof Promise) {
            return canary.then((canary2) => {
              return handleCanaryResult(canary2, payload, ctx2);
            });
          }
          return handleCanaryResult(canary, payload, ctx2);
        }
        const result = inst._zod.parse(payload, ctx2);
        if (result instanceof Promise) {
          if (ctx2.async === false)
            throw new $ZodAsyncError();
          return result.then((result2) => runChecks(result2, checks, ctx2));
        }
        return runChecks(result, checks, ctx2);
      };
    }
  }, {
    // Wrappers extend this by installing a richer factory over it; reading it eagerly would defeat the laziness.
    get "~standard"() {
      return hide(this, "~standard", standardProps(this));
    },
    set "~standard"(value) {
      own(this, "~standard", value);
    }
  });
  var toStandardResult = (r6, ctx2) => r6.issues.length ? { issues: r6.issues.map((iss) => finalizeIssue(iss, ctx2, config())) } : { value: r6.value };
  async function validateAsync2(inst, value) {
    const ctx2 = { async: true };
    return toStandardResult(await inst._zod.run({ value, issues: [] }, ctx2), ctx2);
  }
  function standardProps(inst) {
    return {
      validate: (value) => {
        const ctx2 = { async: false };
        try {
          const r6 = inst._zod.run({ value, issues: [] }, ctx2);
          if (!(r6 instanceof Promise))
            return toStandardResult(r6, ctx2);
        } catch (_2) {
        }
        return validateAsync2(inst, value);
      },
      vendor: "zod",
      version: 1
    };
  }
  var $ZodString = /* @__PURE__ */ $constructor("$ZodString", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = def.pattern ?? anyString;
    inst._zod.parse = (payload, _2) => {
      if (def.coerce)
        try {
          payload.value = String(payload.value);
        } catch (_3) {
        }
      if (typeof payload.value === "string")
        return payload;
      payload.issues.push({
        expected: "string",
        code: "invalid_type",
        input: payload.value,
        inst
      });
      return payload;
    };
  });
  var $ZodStringFormat = /* @__PURE__ */ $constructor("$ZodStringFormat", (inst, def) => {
    $ZodCheckStringFormat.init(inst, def);
    $ZodString.init(inst, def);
  });
  var $ZodGUID = /* @__PURE__ */ $constructor("$ZodGUID", (inst, def) => {
    def.pattern ?? (def.pattern = guid);
    $ZodStringFormat.init(inst, def);
  });
  var $ZodUUID = /* @__PURE__ */ $constructor("$ZodUUID", (inst, def) => {
    if (def.version) {
      const versionMap = {
        v1: 1,
        v2: 2,
        v3: 3,
        v4: 4,
        v5: 5,
        v6: 6,
        v7: 7,
        v8: 8
      };
      const v3 = versionMap[def.version];
      if (v3 === void 0)
        throw new Error(`Invalid UUID version: "${def.version}"`);
      def.pattern ?? (def.pattern = uuid(v3));
    } else
      def.pattern ?? (def.pattern = uuid());
    $ZodStringFormat.init(inst, def);
  });
  var $ZodEmail = /* @__PURE__ */ $constructor("$ZodEmail", (inst, def) => {
    def.pattern ?? (def.pattern = email);
    $ZodStringFormat.init(inst, def);
  });
  var URL_BAD_FORMAT = 1;
  var URL_UNPARSEABLE = 2;
  function canParseURL(input) {
    try {
      if (typeof URL !== "undefined" && typeof URL.canParse === "function")
        return URL.canParse(input);
      new URL(input);
      return true;
    } catch {
      return false;
    }
  }
  function validateURL(trimmed, def) {
    if (!("normalize" in def) && !("hostname" in def) && !("protocol" in def)) {
      return canParseURL(trimmed) || URL_UNPARSEABLE;
    }
    return parseURLObject(trimmed, def);
  }
  function parseURLObject(trimmed, def) {
    if (!def.normalize && def.protocol?.source === httpProtocol.source && !/^https?:\/\//i.test(trimmed)) {
      return URL_BAD_FORMAT;
    }
    try {
      if (typeof URL !== "undefined") {
        const URLStatic = URL;
        if (typeof URLStatic.parse === "function")
          return URLStatic.parse(trimmed) ?? URL_UNPARSEABLE;
      }
      return new URL(trimmed);
    } catch {
      return URL_UNPARSEABLE;
    }
  }
  var asciiTabOrNewline = /[\t\n\r]/g;
  function stripTabAndNewline(value) {
    return value.replace(asciiTabOrNewline, "");
  }
  function urlHostnameOk(url, hostname) {
    hostname.lastIndex = 0;
    return hostname.test(url.hostname);
  }
  function urlProtocolOk(url, protocol) {
    protocol.lastIndex = 0;
    return protocol.test(url.protocol.endsWith(":") ? url.protocol.slice(0, -1) : url.protocol);
  }
  var $ZodURL = /* @__PURE__ */ $constructor("$ZodURL", (inst, def) => {
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
      try {
        const trimmed = payload.value.trim();
        const url = validateURL(trimmed, def);
        if (url === URL_BAD_FORMAT) {
          payload.issues.push({
            code: "invalid_format",
            format: "url",
            note: "Invalid URL format",
            input: payload.value,
            inst,
            continue: !def.abort
          });
          return;
        }
        if (url === URL_UNPARSEABLE) {
          payload.issues.push({
            code: "invalid_format",
            format: "url",
            input: payload.value,
            inst,
            continue: !def.abort
          });
          return;
        }
        if (url === true) {
          payload.value = stripTabAndNewline(trimmed);
          return;
        }
        if (def.hostname && !urlHostnameOk(url, def.hostname)) {
          payload.issues.push({
            code: "invalid_format",
            format: "url",
            note: "Invalid hostname",
            pattern: def.hostname.source,
            input: payload.value,
            inst,
            continue: !def.abort
          });
        }
        if (def.protocol && !urlProtocolOk(url, def.protocol)) {
          payload.issues.push({
            code: "invalid_format",
            format: "url",
            note: "Invalid protocol",
            pattern: def.protocol.source,
            input: payload.value,
            inst,
            continue: !def.abort
          });
        }
        payload.value = def.normalize ? url.href : stripTabAndNewline(trimmed);
        return;
      } catch (_2) {
        payload.issues.push({
          code: "invalid_format",
          format: "url",
          input: payload.value,
          inst,
          continue: !def.abort
        });
      }
    };
  });
  var $ZodEmoji = /* @__PURE__ */ $constructor("$ZodEmoji", (inst, def) => {
    def.pattern ?? (def.pattern = emoji());
    $ZodStringFormat.init(inst, def);
  });
  var $ZodNanoID = /* @__PURE__ */ $constructor("$ZodNanoID", (inst, def) => {
    if (def.length !== void 0 && (!Number.isInteger(def.length) || def.length < 1))
      throw new Error(`Invalid nanoid length: ${def.length}`);
    def.pattern ?? (def.pattern = def.length === void 0 ? nanoid : nanoidOfLength(def.length));
    $ZodStringFormat.init(inst, def);
  });
  var $ZodCUID = /* @__PURE__ */ $constructor("$ZodCUID", (inst, def) => {
    def.pattern ?? (def.pattern = cuid);
    $ZodStringFormat.init(inst, def);
  });
  var $ZodCUID2 = /* @__PURE__ */ $constructor("$ZodCUID2", (inst, def) => {
    def.pattern ?? (def.pattern = cuid2);
    $ZodStringFormat.init(inst, def);
  });
  var $ZodULID = /* @__PURE__ */ $constructor("$ZodULID", (inst, def) => {
    def.pattern ?? (def.pattern = ulid);
    $ZodStringFormat.init(inst, def);
  });
  var $ZodXID = /* @__PURE__ */ $constructor("$ZodXID", (inst, def) => {
    def.pattern ?? (def.pattern = xid);
    $ZodStringFormat.init(inst, def);
  });
  var $ZodKSUID = /* @__PURE__ */ $constructor("$ZodKSUID", (inst, def) => {
    def.pattern ?? (def.pattern = ksuid);
    $ZodStringFormat.init(inst, def);
  });
  var $ZodISODateTime = /* @__PURE__ */ $constructor("$ZodISODateTime", (inst, def) => {
    def.pattern ?? (def.pattern = datetime(def));
    $ZodStringFormat.init(inst, def);
  });
  var $ZodISODate = /* @__PURE__ */ $constructor("$ZodISODate", (inst, def) => {
    def.pattern ?? (def.pattern = date);
    $ZodStringFormat.init(inst, def);
  });
  var $ZodISOTime = /* @__PURE__ */ $constructor("$ZodISOTime", (inst, def) => {
    def.pattern ?? (def.pattern = time(def));
    $ZodStringFormat.init(inst, def);
  });
  var $ZodISODuration = /* @__PURE__ */ $constructor("$ZodISODuration", (inst, def) => {
    def.pattern ?? (def.pattern = duration);
    $ZodStringFormat.init(inst, def);
  });
  var $ZodIPv4 = /* @__PURE__ */ $constructor("$ZodIPv4", (inst, def) => {
    def.pattern ?? (def.pattern = ipv4);
    $ZodStringFormat.init(inst, def);
  });
  var ipv6Alphabet = /^[0-9a-fA-F:.]+$/;
  function isValidIPv6(value) {
    if (!ipv6Alphabet.test(value))
      return false;
    return canParseURL(`http://[${value}]`);
  }
  var $ZodIPv6 = /* @__PURE__ */ $constructor("$ZodIPv6", (inst, def) => {
    def.pattern ?? (def.pattern = ipv6);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
      if (!isValidIPv6(payload.value)) {
        payload.issues.push({
          code: "invalid_format",
          format: "ipv6",
          input: payload.value,
          inst,
          continue: !def.abort
        });
      }
    };
  });
  var $ZodCIDRv4 = /* @__PURE__ */ $constructor("$ZodCIDRv4", (inst, def) => {
    def.pattern ?? (def.pattern = cidrv4);
    $ZodStringFormat.init(inst, def);
  });
  function isValidCIDRv6(value) {
    const parts = value.split("/");
    if (parts.length !== 2)
      return false;
    const [address, prefix] = parts;
    if (!prefix)
      return false;
    const prefixNum = Number(prefix);
    if (`${prefixNum}` !== prefix)
      return false;
    if (prefixNum < 0 || prefixNum > 128)
      return false;
    return isValidIPv6(address);
  }
  var $ZodCIDRv6 = /* @__PURE__ */ $constructor("$ZodCIDRv6", (inst, def) => {
    def.pattern ?? (def.pattern = cidrv6);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
      if (!isValidCIDRv6(payload.value)) {
        payload.issues.push({
          code: "invalid_format",
          format: "cidrv6",
          input: payload.value,
          inst,
          continue: !def.abort
        });
      }
    };
  });
  function isValidBase64(data) {
    if (data === "")
      return true;
    if (/\s/.test(data))
      return false;
    if (data.length % 4 !== 0)
      return false;
    try {
      atob(data);
      return true;
    } catch {
      return false;
    }
  }
  var base64Charset = /^[0-9a-zA-Z+/]*={0,2}$/;
  var $ZodBase64 = /* @__PURE__ */ $constructor("$ZodBase64", (inst, def) => {
    def.pattern ?? (def.pattern = base64Charset);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
      if (isValidBase64(payload.value))
        return;
      payload.issues.push({
        code: "invalid_format",
        format: "base64",
        input: payload.value,
        inst,
        continue: !def.abort
      });
    };
  });
  var base64urlCharset = /^[A-Za-z0-9_-]*$/;
  function isValidBase64URL(data) {
    if (!base64urlCharset.test(data))
      return false;
    const base642 = data.replace(/[-_]/g, (c5) => c5 === "-" ? "+" : "/");
    const padded = base642.padEnd(Math.ceil(base642.length / 4) * 4, "=");
    return isValidBase64(padded);
  }
  var $ZodBase64URL = /* @__PURE__ */ $constructor("$ZodBase64URL", (inst, def) => {
    def.pattern ?? (def.pattern = base64urlCharset);
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
      if (isValidBase64URL(payload.value))
        return;
      payload.issues.push({
        code: "invalid_format",
        format: "base64url",
        input: payload.value,
        inst,
        continue: !def.abort
      });
    };
  });
  var $ZodE164 = /* @__PURE__ */ $constructor("$ZodE164", (inst, def) => {
    def.pattern ?? (def.pattern = e164);
    $ZodStringFormat.init(inst, def);
  });
  function isValidJWT(token, algorithm = null) {
    try {
      const tokensParts = token.split(".");
      if (tokensParts.length !== 3)
        return false;
      const [header] = tokensParts;
      if (!header)
        return false;
      const parsedHeader = JSON.parse(atob(header));
      if ("typ" in parsedHeader && parsedHeader?.typ !== "JWT")
        return false;
      if (!parsedHeader.alg)
        return false;
      if (algorithm && (!("alg" in parsedHeader) || parsedHeader.alg !== algorithm))
        return false;
      return true;
    } catch {
      return false;
    }
  }
  var $ZodJWT = /* @__PURE__ */ $constructor("$ZodJWT", (inst, def) => {
    $ZodStringFormat.init(inst, def);
    inst._zod.check = (payload) => {
      if (isValidJWT(payload.value, def.alg))
        return;
      payload.issues.push({
        code: "invalid_format",
        format: "jwt",
        input: payload.value,
        inst,
        continue: !def.abort
      });
    };
  });
  var $ZodNumber = /* @__PURE__ */ $constructor("$ZodNumber", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = number;
    inst._zod.parse = (payload, _ctx) => {
      if (def.coerce)
        try {
          payload.value = Number(payload.value);
        } catch (_2) {
        }
      const input = payload.value;
      if (typeof input === "number" && !Number.isNaN(input) && Number.isFinite(input)) {
        return payload;
      }
      const received = typeof input === "number" ? Number.isNaN(input) ? "NaN" : !Number.isFinite(input) ? String(input) : void 0 : void 0;
      payload.issues.push({
        expected: "number",
        code: "invalid_type",
        input,
        inst,
        ...received ? { received } : {}
      });
      return payload;
    };
  });
  var $ZodNumberFormat = /* @__PURE__ */ $constructor("$ZodNumberFormat", (inst, def) => {
    $ZodCheckNumberFormat.init(inst, def);
    $ZodNumber.init(inst, def);
  });
  var $ZodBoolean = /* @__PURE__ */ $constructor("$ZodBoolean", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = boolean;
    inst._zod.parse = (payload, _ctx) => {
      if (def.coerce)
        try {
          payload.value = Boolean(payload.value);
        } catch (_2) {
        }
      const input = payload.value;
      if (typeof input === "boolean")
        return payload;
      payload.issues.push({
        expected: "boolean",
        code: "invalid_type",
        input,
        inst
      });
      return payload;
    };
  });
  var $ZodNull = /* @__PURE__ */ $constructor("$ZodNull", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.pattern = _null;
    inst._zod.values = /* @__PURE__ */ new Set([null]);
    inst._zod.parse = (payload, _ctx) => {
      const input = payload.value;
      if (input === null)
        return payload;
      payload.issues.push({
        expected: "null",
        code: "invalid_type",
        input,
        inst
      });
      return payload;
    };
  });
  var $ZodUnknown = /* @__PURE__ */ $constructor("$ZodUnknown", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload) => payload;
  });
  var $ZodNever = /* @__PURE__ */ $constructor("$ZodNever", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _ctx) => {
      payload.issues.push({
        expected: "never",
        code: "invalid_type",
        input: payload.value,
        inst
      });
      return payload;
    };
  });
  function capSize(inst, size) {
    const caps = sizeCaps(inst._zod.def.checks);
    if (!caps.length)
      return;
    const cap = Math.min(...caps.map((c5) => c5[0]));
    const parse2 = inst._zod.parse;
    inst._zod.parse = (payload, ctx2) => {
      const n6 = size(payload.value);
      if (n6 > cap && !ctx2?.skipChecks && ctx2?.direction !== "backward") {
        for (const [max, ch] of sizeCaps(inst._zod.def.checks)) {
          if (n6 > max && ch._zod.def.when(payload)) {
            const start = payload.issues.length;
            ch._zod.check(payload);
            payload.issues[start].continue = false;
            attachSchema(payload.issues, start, inst);
            return payload;
          }
        }
      }
      return parse2(payload, ctx2);
    };
  }
  var arraySize = (input) => Array.isArray(input) ? input.length : -1;
  function handleArrayResult(result, final, index) {
    if (result.issues.length) {
      final.issues.push(...prefixIssues(index, result.issues));
    }
    final.value[index] = result.value;
  }
  var $ZodArray = /* @__PURE__ */ $constructor("$ZodArray", (inst, def) => {
    $ZodType.init(inst, def);
    const memo2 = globalConfig.memoizer;
    memo2?.attach(inst);
    inst._zod.parse = (payload, ctx2) => {
      const input = payload.value;
      if (!Array.isArray(input)) {
        payload.issues.push({
          expected: "array",
          code: "invalid_type",
          input,
          inst
        });
        return payload;
      }
      payload.value = memo2 ? memo2.alloc(inst, payload, Array(input.length), ctx2) : Array(input.length);
      const proms = [];
      const abortEarly = ctx2?.abortEarly;
      for (let i7 = 0; i7 < input.length; i7++) {
        const item = input[i7];
        const result = def.element._zod.run({
          value: item,
          issues: []
        }, ctx2);
        if (result instanceof Promise) {
          proms.push(result.then((result2) => handleArrayResult(result2, payload, i7)));
        } else {
          handleArrayResult(result, payload, i7);
          if (abortEarly && result.issues.length !== 0 && aborted(result))
            break;
        }
      }
      if (proms.length) {
        return Promise.all(proms).then(() => payload);
      }
      return payload;
    };
    capSize(inst, arraySize);
  });
  function handlePropertyResult(result, final, key, input, optin, optout) {
    const isPresent = key in input;
    const isOptionalOut = optout === "optional";
    if (!isPresent && isOptionalOut && optin === "optional") {
      return;
    }
    if (result.issues.length) {
      if (optin !== void 0 && isOptionalOut && !isPresent) {
        return;
      }
      final.issues.push(...prefixIssues(key, result.issues));
    }
    if (!isPresent && optin === void 0) {
      if (!result.issues.length) {
        final.issues.push({
          code: "invalid_type",
          expected: "nonoptional",
          input: void 0,
          path: [key]
        });
      }
      return;
    }
    if (result.value === void 0) {
      if (isPresent || optin === "defaulted" && !isOptionalOut) {
        final.value[key] = void 0;
      }
    } else {
      final.value[key] = result.value;
    }
  }
  var NO_SYMBOL_KEYS = [];
  function normalizeDef(def) {
    const keys = Object.keys(def.shape);
    const ownSymbols = Object.getOwnPropertySymbols(def.shape);
    const symbolKeys = ownSymbols.length ? ownSymbols : NO_SYMBOL_KEYS;
    const allKeys = symbolKeys.length ? [...keys, ...symbolKeys] : keys;
    for (const k2 of allKeys) {
      if (!def.shape?.[k2]?._zod?.traits?.has("$ZodType")) {
        throw new Error(`Invalid element at key "${String(k2)}": expected a Zod schema`);
      }
    }
    const okeys = optionalKeys(def.shape);
    return {
      ...def,
      allKeys,
      symbolKeys,
      // string-only: handleCatchall matches it against `for...in`, which never yields a symbol
      keySet: new Set(keys),
      numKeys: keys.length,
      optionalKeys: new Set(okeys)
    };
  }
  function handleCatchall(proms, input, payload, ctx2, def, inst, abortEarly) {
    const unrecognized = [];
    const keySet = def.keySet;
    const _catchall = def.catchall._zod;
    const t5 = _catchall.def.type;
    const optin = _catchall.optin;
    const optout = _catchall.optout;
    let seen = 0;
    for (const key in input) {
      if (abortEarly && payload.issues.length !== seen) {
        if (aborted(payload, seen))
          break;
        seen = payload.issues.length;
      }
      if (keySet.has(key))
        continue;
      if (key === "__proto__") {
        if (t5 === "never")
          unrecognized.push(key);
        continue;
      }
      if (t5 === "never") {
        unrecognized.push(key);
        continue;
      }
      const r6 = _catchall.run({ value: input[key], issues: [] }, ctx2);
      if (r6 instanceof Promise) {
        proms.push(r6.then((r7) => handlePropertyResult(r7, payload, key, input, optin, optout)));
      } else {
        handlePropertyResult(r6, payload, key, input, optin, optout);
      }
    }
    if (unrecognized.length) {
      payload.issues.push({
        code: "unrecognized_keys",
        keys: unrecognized,
        input,
        inst,
        // Describes the shape of the input, not the validity of the parsed value, so it never aborts. The parse still fails; the schema's own checks just get to run first, and an enclosing intersection can reconcile the key against a sibling operand.
        continue: true
      });
    }
    if (!proms.length)
      return payload;
    return Promise.all(proms).then(() => {
      return payload;
    });
  }
  var $ZodObject = /* @__PURE__ */ $constructor("$ZodObject", (inst, def) => {
    $ZodType.init(inst, def);
    const desc = Object.getOwnPropertyDescriptor(def, "shape");
    const sh = desc?.get ? desc.get.raw : def.shape ?? {};
    if (sh) {
      const get = () => {
        const newSh = { ...sh };
        Object.defineProperty(def, "shape", { value: newSh });
        get.raw = newSh;
        return newSh;
      };
      get.raw = sh;
      Object.defineProperty(def, "shape", { get });
    }
    const _normalized = cached(() => normalizeDef(def));
    defineLazyInternal(inst, "propValues", (zod) => {
      const shape = zod.def.shape;
      const propValues = {};
      for (const key in shape) {
        const field = shape[key]._zod;
        if (field.values) {
          if (!Object.prototype.hasOwnProperty.call(propValues, key)) {
            assignProp(propValues, key, /* @__PURE__ */ new Set());
          }
          for (const v3 of field.values)
            propValues[key].add(v3);
          if (field.optin !== void 0)
            propValues[key].add(void 0);
        }
      }
      return propValues;
    });
    const isObject2 = isObject;
    const catchall = def.catchall;
    let value;
    const memo2 = globalConfig.memoizer;
    memo2?.attach(inst);
    inst._zod.parse = (payload, ctx2) => {
      value ?? (value = _normalized.value);
      const input = payload.value;
      if (!isObject2(input)) {
        payload.issues.push({
          expected: "object",
          code: "invalid_type",
          input,
          inst
        });
        return payload;
      }
      payload.value = memo2 ? memo2.alloc(inst, payload, {}, ctx2) : {};
      const proms = [];
      const shape = value.shape;
      const abortEarly = ctx2?.abortEarly;
      let seen = payload.issues.length;
      for (const key of value.allKeys) {
        if (abortEarly && payload.issues.length !== seen) {
          if (aborted(payload, seen))
            break;
          seen = payload.issues.length;
        }
        if (key === "__proto__")
          continue;
        const el = shape[key];
        const optin = el._zod.optin;
        const optout = el._zod.optout;
        const r6 = el._zod.run({ value: input[key], issues: [] }, ctx2);
        if (r6 instanceof Promise) {
          proms.push(r6.then((r7) => handlePropertyResult(r7, payload, key, input, optin, optout)));
        } else {
          handlePropertyResult(r6, payload, key, input, optin, optout);
        }
      }
      if (!catchall) {
        return proms.length ? Promise.all(proms).then(() => payload) : payload;
      }
      return handleCatchall(proms, input, payload, ctx2, _normalized.value, inst, abortEarly === true);
    };
  });
  var $ZodObjectJIT = /* @__PURE__ */ $constructor("$ZodObjectJIT", (inst, def) => {
    $ZodObject.init(inst, def);
    const superParse = inst._zod.parse;
    const _normalized = cached(() => normalizeDef(def));
    const memo2 = globalConfig.memoizer;
    const generateFastpass = (shape) => {
      const normalized = _normalized.value;
      const syms = normalized.symbolKeys;
      const doc = new Doc(["payload", "ctx"], { shape, inst, memo: memo2, syms });
      const parseStr = (k2) => `shape[${k2}]._zod.run({ value: input[${k2}], issues: [] }, ctx)`;
      const prefixStr = (id2, k2) => `
          let ${id2}_ab = false;
          for (let i = 0; i < ${id2}.issues.length; i++) {
            const iss = ${id2}.issues[i];
            iss.path = iss.path ? [${k2}, ...iss.path] : [${k2}];
            payload.issues.push(iss);
            if (iss.continue !== true) ${id2}_ab = true;
          }
          if (${id2}_ab && ctx && ctx.abortEarly) {
            payload.value = newResult;
            return payload;
          }`;
      doc.write(`const input = payload.value;`);
      const ids = /* @__PURE__ */ Object.create(null);
      let counter = 0;
      for (const key of normalized.allKeys) {
        ids[key] = `key_${counter++}`;
      }
      doc.write(memo2 ? `const newResult = memo.alloc(inst, payload, {}, ctx);` : `const newResult = {};`);
      for (const key of normalized.allKeys) {
        if (key === "__proto__")
          continue;
        const id2 = ids[key];
        const k2 = typeof key === "symbol" ? `syms[${syms.indexOf(key)}]` : esc(key);
        const isPresent = `${k2} in input`;
        const schema = shape[key];
        const optin = schema?._zod?.optin;
        const isOptionalIn = optin !== void 0;
        const isOptionalOut = schema?._zod?.optout === "optional";
        doc.write(`const ${id2} = ${parseStr(k2)};`);
        if (isOptionalIn && isOptionalOut) {
          const assign = optin === "optional" ? `${id2}_present` : `${id2}.value !== undefined || ${id2}_present`;
          doc.write(`
        const ${id2}_present = ${isPresent};
        if (!${id2}.issues.length || ${id2}_present) {
          if (${id2}.issues.length) {${prefixStr(id2, k2)}
          }

          if (${assign}) {
            newResult[${k2}] = ${id2}.value;
          }
        }

      `);
        } else if (!isOptionalIn) {
          doc.write(`
        const ${id2}_present = ${isPresent};
        if (${id2}.issues.length) {${prefixStr(id2, k2)}
        }
        if (!${id2}_present && !${id2}.issues.length) {
          payload.issues.push({
            code: "invalid_type",
            expected: "nonoptional",
            input: undefined,
            path: [${k2}]
          });
          if (ctx && ctx.abortEarly) {
            payload.value = newResult;
            return payload;
          }
        }

        if (${id2}_present) {
          newResult[${k2}] = ${id2}.value;
        }

      `);
        } else {
          doc.write(`
        if (${id2}.issues.length) {${prefixStr(id2, k2)}
        }
      `);
          if (optin === "defaulted") {
            doc.write(`newResult[${k2}] = ${id2}.value;`);
          } else {
            doc.write(`
        if (${id2}.value !== undefined || ${isPresent}) {
          newResult[${k2}] = ${id2}.value;
        }
      `);
          }
        }
      }
      doc.write(`payload.value = newResult;`);
      doc.write(`return payload;`);
      return doc.compile();
    };
    let fastpass;
    const isObject2 = isObject;
    const jit = !globalConfig.jitless;
    const allowsEval2 = allowsEval;
    const fastEnabled = jit && allowsEval2.value;
    const catchall = def.catchall;
    let value;
    inst._zod.parse = (payload, ctx2) => {
      value ?? (value = _normalized.value);
      const input = payload.value;
      if (!isObject2(input)) {
        payload.issues.push({
          expected: "object",
          code: "invalid_type",
          input,
          inst
        });
        return payload;
      }
      if (jit && fastEnabled && ctx2?.async === false && ctx2.jitless !== true) {
        if (!fastpass)
          fastpass = generateFastpass(def.shape);
        payload = fastpass(payload, ctx2);
        if (!catchall)
          return payload;
        return handleCatchall([], input, payload, ctx2, value, inst, ctx2?.abortEarly === true);
      }
      return superParse(payload, ctx2);
    };
  });
  function handleUnionResults(results, final, inst, ctx2) {
    for (const result of results) {
      if (result.issues.length === 0) {
        final.value = result.value;
        return final;
      }
    }
    const nonaborted = results.filter((r6) => !aborted(r6));
    if (nonaborted.length === 1) {
      final.value = nonaborted[0].value;
      return nonaborted[0];
    }
    final.issues.push({
      code: "invalid_union",
      input: final.value,
      inst,
      errors: results.map((result) => result.issues.map((iss) => finalizeIssue(iss, ctx2, config())))
    });
    return final;
  }
  var $ZodUnion = /* @__PURE__ */ $constructor("$ZodUnion", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "optin", (zod) => zod.def.options.some((o8) => o8._zod.optin === "defaulted") ? "defaulted" : zod.def.options.some((o8) => o8._zod.optin !== void 0) ? "optional" : void 0);
    defineLazyInternal(inst, "optout", (zod) => zod.def.options.some((o8) => o8._zod.optout === "optional") ? "optional" : void 0);
    defineLazyInternal(inst, "values", (zod) => {
      if (zod.def.options.every((o8) => o8._zod.values)) {
        return new Set(zod.def.options.flatMap((option) => Array.from(option._zod.values)));
      }
      return void 0;
    });
    defineLazyInternal(inst, "pattern", (zod) => {
      if (zod.def.options.every((o8) => o8._zod.pattern)) {
        const patterns = zod.def.options.map((o8) => o8._zod.pattern);
        return new RegExp(`^(${patterns.map((p4) => cleanRegex(p4.source)).join("|")})$`);
      }
      return void 0;
    });
    const first = def.options.length === 1 ? def.options[0]._zod.run : null;
    inst._zod.parse = (payload, ctx2) => {
      if (first) {
        return first(payload, ctx2);
      }
      let async = false;
      const results = [];
      for (const option of def.options) {
        const result = option._zod.run({
          value: payload.value,
          issues: []
        }, ctx2);
        if (result instanceof Promise) {
          results.push(result);
          async = true;
        } else {
          if (result.issues.length === 0)
            return result;
          results.push(result);
        }
      }
      if (!async)
        return handleUnionResults(results, payload, inst, ctx2);
      return Promise.all(results).then((results2) => {
        return handleUnionResults(results2, payload, inst, ctx2);
      });
    };
  });
  function discriminatorMap(def) {
    const map = /* @__PURE__ */ new Map();
    for (const option of def.options) {
      const values = option._zod.propValues?.[def.discriminator];
      if (!values || values.size === 0)
        throw new Error(`Invalid discriminated union option at index "${def.options.indexOf(option)}"`);
      for (const value of values) {
        if (map.has(value)) {
          if (value !== void 0)
            throw new Error(`Duplicate discriminator value "${String(value)}"`);
          map.set(value, null);
        } else {
          map.set(value, option);
        }
      }
    }
    return map;
  }
  var $ZodDiscriminatedUnion = /* @__PURE__ */ $constructor("$ZodDiscriminatedUnion", (inst, def) => {
    def.inclusive = false;
    $ZodUnion.init(inst, def);
    const _super = inst._zod.parse;
    defineLazyInternal(inst, "propValues", (zod) => {
      const propValues = {};
      let undefinedCount = 0;
      for (const option of zod.def.options) {
        const pv = option._zod.propValues;
        if (!pv || Object.keys(pv).length === 0)
          throw new Error(`Invalid discriminated union option at index "${zod.def.options.indexOf(option)}"`);
        if (pv[zod.def.discriminator]?.has(void 0))
          undefinedCount++;
        for (const [k2, v3] of Object.entries(pv)) {
          if (!Object.prototype.hasOwnProperty.call(propValues, k2)) {
            assignProp(propValues, k2, /* @__PURE__ */ new Set());
          }
          for (const val of v3) {
            propValues[k2].add(val);
          }
        }
      }
      if (!zod.def.unionFallback && undefinedCount > 1)
        propValues[zod.def.discriminator]?.delete(void 0);
      return propValues;
    });
    def.options.forEach((option, i7) => {
      const propShape = rawShape(option._zod.def);
      if (propShape && !Object.prototype.hasOwnProperty.call(propShape, def.discriminator)) {
        throw new Error(`Invalid discriminated union option at index "${i7}"`);
      }
    });
    const disc = cached(() => discriminatorMap(def));
    inst._zod.parse = (payload, ctx2) => {
      const input = payload.value;
      if (!isObject(input)) {
        payload.issues.push({
          code: "invalid_type",
          expected: "object",
          input,
          inst
        });
        return payload;
      }
      const value = input?.[def.discriminator];
      const opt = disc.value.get(value);
      if (opt && (value !== void 0 || ctx2.direction !== "backward")) {
        return opt._zod.run(payload, ctx2);
      }
      if (def.unionFallback || ctx2.direction === "backward") {
        return _super(payload, ctx2);
      }
      payload.issues.push({
        code: "invalid_union",
        errors: [],
        note: "No matching discriminator",
        discriminator: def.discriminator,
        options: Array.from(disc.value.keys()).filter((value2) => disc.value.get(value2) !== null),
        input,
        path: [def.discriminator],
        inst
      });
      return payload;
    };
  });
  var $ZodIntersection = /* @__PURE__ */ $constructor("$ZodIntersection", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, ctx2) => {
      const input = payload.value;
      const left = def.left._zod.run({ value: input, issues: [] }, ctx2);
      const right = def.right._zod.run({ value: input, issues: [] }, ctx2);
      const async = left instanceof Promise || right instanceof Promise;
      if (async) {
        return Promise.all([left, right]).then(([left2, right2]) => {
          return handleIntersectionResults(payload, left2, right2);
        });
      }
      return handleIntersectionResults(payload, left, right);
    };
  });
  function mergeValues(a3, b3) {
    if (a3 === b3) {
      return { valid: true, data: a3 };
    }
    if (a3 instanceof Date && b3 instanceof Date && +a3 === +b3) {
      return { valid: true, data: a3 };
    }
    if (isPlainObject(a3) && isPlainObject(b3)) {
      const bKeys = Object.keys(b3);
      const sharedKeys = Object.keys(a3).filter((key) => bKeys.indexOf(key) !== -1);
      const newObj = { ...a3, ...b3 };
      if (Object.prototype.hasOwnProperty.call(newObj, "__proto__"))
        delete newObj.__proto__;
      for (const key of sharedKeys) {
        if (key === "__proto__")
          continue;
        const sharedValue = mergeValues(a3[key], b3[key]);
        if (!sharedValue.valid) {
          return {
            valid: false,
            mergeErrorPath: [key, ...sharedValue.mergeErrorPath]
          };
        }
        newObj[key] = sharedValue.data;
      }
      return { valid: true, data: newObj };
    }
    if (Array.isArray(a3) && Array.isArray(b3)) {
      if (a3.length !== b3.length) {
        return { valid: false, mergeErrorPath: [] };
      }
      const newArray = [];
      for (let index = 0; index < a3.length; index++) {
        const itemA = a3[index];
        const itemB = b3[index];
        const sharedValue = mergeValues(itemA, itemB);
        if (!sharedValue.valid) {
          return {
            valid: false,
            mergeErrorPath: [index, ...sharedValue.mergeErrorPath]
          };
        }
        newArray.push(sharedValue.data);
      }
      return { valid: true, data: newArray };
    }
    return { valid: false, mergeErrorPath: [] };
  }
  function handleIntersectionResults(result, left, right) {
    const unrecKeys = /* @__PURE__ */ new Map();
    let unrecIssue;
    const keyIssues = /* @__PURE__ */ new Map();
    const collect = (iss, side) => {
      let keys;
      if (iss.code === "unrecognized_keys" && !iss.path?.length) {
        unrecIssue ?? (unrecIssue = iss);
        keys = iss.keys;
      } else if (iss.code === "invalid_key" && iss.origin === "record" && iss.path?.length === 1) {
        const k2 = String(iss.path[0]);
        if (!keyIssues.has(k2))
          keyIssues.set(k2, iss);
        keys = [k2];
      } else {
        return false;
      }
      for (const k2 of keys) {
        if (!unrecKeys.has(k2))
          unrecKeys.set(k2, {});
        unrecKeys.get(k2)[side] = true;
      }
      return true;
    };
    for (const iss of left.issues) {
      if (!collect(iss, "l"))
        result.issues.push(iss);
    }
    for (const iss of right.issues) {
      if (!collect(iss, "r"))
        result.issues.push(iss);
    }
    const bothKeys = [...unrecKeys].filter(([, f3]) => f3.l && f3.r).map(([k2]) => k2);
    if (bothKeys.length) {
      const aggregated = unrecIssue ? bothKeys.filter((k2) => unrecIssue.keys.includes(k2)) : [];
      if (aggregated.length)
        result.issues.push({ ...unrecIssue, keys: aggregated });
      for (const k2 of bothKeys) {
        if (!aggregated.includes(k2) && keyIssues.has(k2))
          result.issues.push(keyIssues.get(k2));
      }
    }
    const merged = mergeValues(left.value, right.value);
    if (!merged.valid) {
      if (aborted(result))
        return result;
      throw new Error(`Unmergable intersection. Error path: ${JSON.stringify(merged.mergeErrorPath)}`);
    }
    result.value = merged.data;
    return result;
  }
  var $ZodRecord = /* @__PURE__ */ $constructor("$ZodRecord", (inst, def) => {
    $ZodType.init(inst, def);
    const memo2 = globalConfig.memoizer;
    memo2?.attach(inst);
    inst._zod.parse = (payload, ctx2) => {
      const input = payload.value;
      if (!isPlainObject(input)) {
        payload.issues.push({
          expected: "record",
          code: "invalid_type",
          input,
          inst
        });
        return payload;
      }
      const proms = [];
      const values = def.keyType._zod.values;
      if (values && !def.partial) {
        payload.value = memo2 ? memo2.alloc(inst, payload, {}, ctx2) : {};
        const recordKeys = /* @__PURE__ */ new Set();
        for (const key of values) {
          if (typeof key === "string" || typeof key === "number" || typeof key === "symbol") {
            recordKeys.add(typeof key === "number" ? key.toString() : key);
            if (key === "__proto__")
              continue;
            const keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx2);
            if (keyResult instanceof Promise) {
              throw new Error("Async schemas not supported in object keys currently");
            }
            if (keyResult.issues.length) {
              payload.issues.push({
                code: "invalid_key",
                origin: "record",
                issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx2, config())),
                input: key,
                path: [key],
                inst
              });
              continue;
            }
            const outKey = keyResult.value;
            if (outKey === "__proto__")
              continue;
            const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx2);
            if (result instanceof Promise) {
              proms.push(result.then((result2) => {
                if (result2.issues.length) {
                  payload.issues.push(...prefixIssues(key, result2.issues));
                }
                payload.value[outKey] = result2.value;
              }));
            } else {
              if (result.issues.length) {
                payload.issues.push(...prefixIssues(key, result.issues));
              }
              payload.value[outKey] = result.value;
            }
          }
        }
        let unrecognized;
        for (const key in input) {
          if (!recordKeys.has(key)) {
            if (def.mode === "loose") {
              if (key === "__proto__")
                continue;
              payload.value[key] = input[key];
            } else {
              unrecognized = unrecognized ?? [];
              unrecognized.push(key);
            }
          }
        }
        if (unrecognized && unrecognized.length > 0) {
          payload.issues.push({
            code: "unrecognized_keys",
            input,
            inst,
            keys: unrecognized,
            continue: true
          });
        }
      } else {
        payload.value = memo2 ? memo2.alloc(inst, payload, {}, ctx2) : {};
        let unrecognized;
        for (const key of Reflect.ownKeys(input)) {
          if (key === "__proto__")
            continue;
          if (!Object.prototype.propertyIsEnumerable.call(input, key))
            continue;
          let keyResult = def.keyType._zod.run({ value: key, issues: [] }, ctx2);
          if (keyResult instanceof Promise) {
            throw new Error("Async schemas not supported in object keys currently");
          }
          const checkNumericKey = typeof key === "string" && number.test(key) && keyResult.issues.length;
          if (checkNumericKey) {
            const retryResult = def.keyType._zod.run({ value: Number(key), issues: [] }, ctx2);
            if (retryResult instanceof Promise) {
              throw new Error("Async schemas not supported in object keys currently");
            }
            if (retryResult.issues.length === 0) {
              keyResult = retryResult;
            }
          }
          if (keyResult.issues.length) {
            if (def.mode === "loose") {
              payload.value[key] = input[key];
            } else if (values) {
              unrecognized = unrecognized ?? [];
              unrecognized.push(key);
            } else {
              payload.issues.push({
                code: "invalid_key",
                origin: "record",
                issues: keyResult.issues.map((iss) => finalizeIssue(iss, ctx2, config())),
                input: key,
                path: [key],
                inst
              });
            }
            continue;
          }
          const outKey = keyResult.value;
          if (outKey === "__proto__")
            continue;
          const result = def.valueType._zod.run({ value: input[key], issues: [] }, ctx2);
          if (result instanceof Promise) {
            proms.push(result.then((result2) => {
              if (result2.issues.length) {
                payload.issues.push(...prefixIssues(key, result2.issues));
              }
              payload.value[outKey] = result2.value;
            }));
          } else {
            if (result.issues.length) {
              payload.issues.push(...prefixIssues(key, result.issues));
            }
            payload.value[outKey] = result.value;
          }
        }
        if (unrecognized && unrecognized.length > 0) {
          payload.issues.push({
            code: "unrecognized_keys",
            input,
            inst,
            keys: unrecognized,
            continue: true
          });
        }
      }
      if (proms.length) {
        return Promise.all(proms).then(() => payload);
      }
      return payload;
    };
  });
  var $ZodEnum = /* @__PURE__ */ $constructor("$ZodEnum", (inst, def) => {
    $ZodType.init(inst, def);
    const values = getEnumValues(def.entries);
    const valuesSet = new Set(values);
    inst._zod.values = valuesSet;
    defineLazyInternal(inst, "pattern", (zod) => {
      const patternValues = getEnumValues(zod.def.entries).filter((k2) => propertyKeyTypes.has(typeof k2));
      return new RegExp(patternValues.length ? `^(${patternValues.map((o8) => escapeRegex(o8.toString())).join("|")})$` : "^[^\\s\\S]$");
    });
    inst._zod.parse = (payload, _ctx) => {
      const input = payload.value;
      if (valuesSet.has(input)) {
        return payload;
      }
      payload.issues.push({
        code: "invalid_value",
        values,
        input,
        inst
      });
      return payload;
    };
  });
  var $ZodLiteral = /* @__PURE__ */ $constructor("$ZodLiteral", (inst, def) => {
    $ZodType.init(inst, def);
    const values = new Set(def.values);
    inst._zod.values = values;
    defineLazyInternal(inst, "pattern", (zod) => {
      const vals = zod.def.values;
      return new RegExp(vals.length ? `^(${vals.map((o8) => typeof o8 === "string" ? escapeRegex(o8) : o8 ? escapeRegex(o8.toString()) : String(o8)).join("|")})$` : "^[^\\s\\S]$");
    });
    inst._zod.parse = (payload, _ctx) => {
      const input = payload.value;
      if (values.has(input)) {
        return payload;
      }
      payload.issues.push({
        code: "invalid_value",
        values: def.values,
        input,
        inst
      });
      return payload;
    };
  });
  var $ZodTransform = /* @__PURE__ */ $constructor("$ZodTransform", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.optin = "optional";
    globalConfig.memoizer?.guard(inst);
    inst._zod.parse = (payload, ctx2) => {
      if (ctx2.direction === "backward") {
        throw new $ZodEncodeError(inst.constructor.name);
      }
      const _out = def.transform(payload.value, payload);
      if (ctx2.async) {
        const output = _out instanceof Promise ? _out : Promise.resolve(_out);
        return output.then((output2) => {
          payload.value = output2;
          return payload;
        });
      }
      if (_out instanceof Promise) {
        throw new $ZodAsyncError();
      }
      payload.value = _out;
      return payload;
    };
  });
  function handleOptionalResult(payload, result) {
    payload.value = result.issues.length ? void 0 : result.value;
    return payload;
  }
  var $ZodOptional = /* @__PURE__ */ $constructor("$ZodOptional", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
    inst._zod.optout = "optional";
    defineLazyInternal(inst, "values", (zod) => {
      const values = zod.def.innerType._zod.values;
      return values ? /* @__PURE__ */ new Set([...values, void 0]) : void 0;
    });
    defineLazyInternal(inst, "pattern", (zod) => {
      const pattern = zod.def.innerType._zod.pattern;
      return pattern ? new RegExp(`^(${cleanRegex(pattern.source)})?$`) : void 0;
    });
    inst._zod.parse = (payload, ctx2) => {
      if (payload.value === void 0) {
        if (def.innerType._zod.optin !== "defaulted")
          return payload;
        const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx2);
        if (result instanceof Promise)
          return result.then((result2) => handleOptionalResult(payload, result2));
        return handleOptionalResult(payload, result);
      }
      return def.innerType._zod.run(payload, ctx2);
    };
  });
  var $ZodExactOptional = /* @__PURE__ */ $constructor("$ZodExactOptional", (inst, def) => {
    $ZodOptional.init(inst, def);
    defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    defineLazyInternal(inst, "pattern", (zod) => zod.def.innerType._zod.pattern);
    inst._zod.parse = (payload, ctx2) => {
      return def.innerType._zod.run(payload, ctx2);
    };
  });
  var $ZodNullable = /* @__PURE__ */ $constructor("$ZodNullable", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin);
    defineLazyInternal(inst, "optout", (zod) => zod.def.innerType._zod.optout);
    defineLazyInternal(inst, "pattern", (zod) => {
      const pattern = zod.def.innerType._zod.pattern;
      return pattern ? new RegExp(`^(${cleanRegex(pattern.source)}|null)$`) : void 0;
    });
    defineLazyInternal(inst, "values", (zod) => {
      return zod.def.innerType._zod.values ? /* @__PURE__ */ new Set([...zod.def.innerType._zod.values, null]) : void 0;
    });
    inst._zod.parse = (payload, ctx2) => {
      if (payload.value === null)
        return payload;
      return def.innerType._zod.run(payload, ctx2);
    };
  });
  var $ZodDefault = /* @__PURE__ */ $constructor("$ZodDefault", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.optin = "defaulted";
    defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    inst._zod.parse = (payload, ctx2) => {
      if (ctx2.direction === "backward") {
        return def.innerType._zod.run(payload, ctx2);
      }
      if (payload.value === void 0) {
        payload.value = def.defaultValue;
        return payload;
      }
      const result = def.innerType._zod.run(payload, ctx2);
      if (result instanceof Promise) {
        return result.then((result2) => handleDefaultResult(result2, def));
      }
      return handleDefaultResult(result, def);
    };
  });
  function handleDefaultResult(payload, def) {
    if (payload.value === void 0) {
      payload.value = def.defaultValue;
    }
    return payload;
  }
  var $ZodPrefault = /* @__PURE__ */ $constructor("$ZodPrefault", (inst, def) => {
    $ZodType.init(inst, def);
    inst._zod.optin = "defaulted";
    defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    inst._zod.parse = (payload, ctx2) => {
      if (ctx2.direction === "backward") {
        return def.innerType._zod.run(payload, ctx2);
      }
      if (payload.value === void 0) {
        payload.value = def.defaultValue;
      }
      return def.innerType._zod.run(payload, ctx2);
    };
  });
  var $ZodNonOptional = /* @__PURE__ */ $constructor("$ZodNonOptional", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "values", (zod) => {
      const v3 = zod.def.innerType._zod.values;
      return v3 ? new Set([...v3].filter((x2) => x2 !== void 0)) : void 0;
    });
    inst._zod.parse = (payload, ctx2) => {
      const result = def.innerType._zod.run(payload, ctx2);
      if (result instanceof Promise) {
        return result.then((result2) => handleNonOptionalResult(result2, inst));
      }
      return handleNonOptionalResult(result, inst);
    };
  });
  function handleNonOptionalResult(payload, inst) {
    if (!payload.issues.length && payload.value === void 0) {
      payload.issues.push({
        code: "invalid_type",
        expected: "nonoptional",
        input: payload.value,
        inst
      });
    }
    return payload;
  }
  function handleCatchResult(payload, result, def, ctx2) {
    if (!result.issues.length) {
      payload.value = result.value;
      if (result.memo)
        payload.memo = true;
      return payload;
    }
    payload.value = def.catchValue({
      ...result,
      value: payload.value,
      error: {
        issues: result.issues.map((iss) => finalizeIssue(iss, ctx2, config()))
      },
      input: payload.value
    });
    return payload;
  }
  var $ZodCatch = /* @__PURE__ */ $constructor("$ZodCatch", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
    defineLazyInternal(inst, "optout", (zod) => zod.def.innerType._zod.optout);
    defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    inst._zod.parse = (payload, ctx2) => {
      if (ctx2.direction === "backward") {
        return def.innerType._zod.run(payload, ctx2);
      }
      const result = def.innerType._zod.run({ value: payload.value, issues: [] }, ctx2);
      if (result instanceof Promise) {
        return result.then((result2) => handleCatchResult(payload, result2, def, ctx2));
      }
      return handleCatchResult(payload, result, def, ctx2);
    };
  });
  var $ZodPipe = /* @__PURE__ */ $constructor("$ZodPipe", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "values", (zod) => zod.def.in._zod.values);
    defineLazyInternal(inst, "optin", (zod) => zod.def.in._zod.optin);
    defineLazyInternal(inst, "optout", (zod) => zod.def.out._zod.optout);
    defineLazyInternal(inst, "propValues", (zod) => zod.def.in._zod.propValues);
    inst._zod.parse = (payload, ctx2) => {
      if (ctx2.direction === "backward") {
        const right = def.out._zod.run(payload, ctx2);
        if (right instanceof Promise) {
          return right.then((right2) => handlePipeResult(right2, def.in, ctx2));
        }
        return handlePipeResult(right, def.in, ctx2);
      }
      const left = def.in._zod.run(payload, ctx2);
      if (left instanceof Promise) {
        return left.then((left2) => handlePipeResult(left2, def.out, ctx2));
      }
      return handlePipeResult(left, def.out, ctx2);
    };
  });
  function handlePipeResult(left, next, ctx2) {
    if (left.issues.some((iss) => iss.code !== "unrecognized_keys")) {
      left.aborted = true;
      return left;
    }
    return next._zod.run({ value: left.value, issues: left.issues }, ctx2);
  }
  var $ZodReadonly = /* @__PURE__ */ $constructor("$ZodReadonly", (inst, def) => {
    $ZodType.init(inst, def);
    defineLazyInternal(inst, "propValues", (zod) => zod.def.innerType._zod.propValues);
    defineLazyInternal(inst, "values", (zod) => zod.def.innerType._zod.values);
    defineLazyInternal(inst, "optin", (zod) => zod.def.innerType?._zod?.optin);
    defineLazyInternal(inst, "optout", (zod) => zod.def.innerType?._zod?.optout);
    inst._zod.parse = (payload, ctx2) => {
      if (ctx2.direction === "backward") {
        return def.innerType._zod.run(payload, ctx2);
      }
      const result = def.innerType._zod.run(payload, ctx2);
      if (result instanceof Promise) {
        return result.then(handleReadonlyResult);
      }
      return handleReadonlyResult(result);
    };
  });
  function handleReadonlyResult(payload) {
    if (!payload.memo)
      payload.value = Object.freeze(payload.value);
    return payload;
  }
  var $ZodCustom = /* @__PURE__ */ $constructor("$ZodCustom", (inst, def) => {
    $ZodCheck.init(inst, def);
    $ZodType.init(inst, def);
    inst._zod.parse = (payload, _2) => {
      return payload;
    };
    inst._zod.check = (payload) => {
      const input = payload.value;
      const r6 = def.fn(input);
      if (r6 instanceof Promise) {
        return r6.then((r7) => handleRefineResult(r7, payload, input, inst));
      }
      handleRefineResult(r6, payload, input, inst);
      return;
    };
  });
  function handleRefineResult(result, payload, input, inst) {
    if (!result) {
      const _iss = {
        code: "custom",
        input,
        inst,
        // incorporates params.error into issue reporting
        path: [...inst._zod.def.path ?? []],
        // incorporates params.error into issue reporting
        continue: !inst._zod.def.abort
        // params: inst._zod.def.params,
      };
      if (inst._zod.def.params)
        _iss.params = inst._zod.def.params;
      payload.issues.push(issue(_iss));
    }
  }

  // node_modules/zod/v4/core/memoizer.js
  var $ZodCyclicError = class extends Error {
    constructor() {
      super(`Cannot parse a reference cycle that closes through a transform`);
      this.name = "ZodCyclicError";
    }
  };
  var STATE = "~memo";
  var NO_ISSUES = [];
  function isRef(value) {
    return value !== null && typeof value === "object";
  }
  function cloneIssues(issues) {
    return issues.map((iss) => iss.path ? { ...iss, path: iss.path.slice() } : { ...iss });
  }
  var recursive = /* @__PURE__ */ new WeakMap();
  var NONE = 0;
  var ASSUMED = 1;
  var PROVEN = 2;
  function isRecursive(inst, stack, resolve) {
    const cached2 = recursive.get(inst);
    if (cached2 !== void 0)
      return cached2 ? PROVEN : NONE;
    if (stack.has(inst))
      return PROVEN;
    stack.add(inst);
    let result = NONE;
    const check = (child) => {
      if (result !== PROVEN && child?._zod) {
        const answer = isRecursive(child, stack, resolve);
        if (answer > result)
          result = answer;
      }
    };
    const shape = (sh, spread) => {
      let answer = NONE;
      for (const key of Reflect.ownKeys(sh)) {
        const desc = Object.getOwnPropertyDescriptor(sh, key);
        if (spread && !desc.enumerable)
          continue;
        const child = desc.get ? ASSUMED : desc.value?._zod ? isRecursive(desc.value, stack, resolve) : NONE;
        if (child > answer)
          answer = child;
      }
      return answer;
    };
    const merge2 = (answer) => {
      if (answer > result)
        result = answer;
    };
    const def = inst._zod.def;
    const kind = def.type;
    switch (kind) {
      case "object": {
        const raw = rawShape(def);
        merge2(raw ? shape(raw, true) : ASSUMED);
        check(def.catchall);
        break;
      }
      case "array":
        check(def.element);
        break;
      case "tuple":
        for (const el of def.items)
          check(el);
        check(def.rest);
        break;
      case "record":
      case "map":
        check(def.keyType);
        check(def.valueType);
        break;
      case "set":
        check(def.valueType);
        break;
      case "union":
        for (const el of def.options)
          check(el);
        break;
      case "intersection":
        check(def.left);
        check(def.right);
        break;
      case "optional":
      case "nullable":
      case "default":
      case "prefault":
      case "catch":
      case "readonly":
      case "nonoptional":
      case "promise":
      case "success":
        check(def.innerType);
        break;
      case "pipe":
        check(def.in);
        check(def.out);
        break;
      case "function":
        check(def.input);
        check(def.output);
        break;
      // `$ZodLazy` caches its inner on the def, so a resolved edge is followed exactly
      case "lazy": {
        const inner = def._cachedInner ?? (resolve ? inst._zod.innerType : void 0);
        merge2(inner ? isRecursive(inner, stack, false) : ASSUMED);
        break;
      }
      // a leaf by choice: `parts` are regex fragments, not data positions
      case "template_literal":
      // leaves
      case "string":
      case "number":
      case "int":
      case "boolean":
      case "bigint":
      case "symbol":
      case "undefined":
      case "null":
      case "void":
      case "never":
      case "any":
      case "unknown":
      case "date":
      case "nan":
      case "enum":
      case "literal":
      case "file":
      case "transform":
      case "custom":
        break;
      default: {
        kind;
        for (const key in def) {
          const desc = Object.getOwnPropertyDescriptor(def, key);
          if (!desc || desc.get)
            continue;
          const value = desc.value;
          if (!value || typeof value !== "object")
            continue;
          if (value._zod)
            check(value);
          else if (Array.isArray(value))
            for (const el of value)
              check(el);
        }
      }
    }
    stack.delete(inst);
    return settle(inst, result);
  }
  function settle(inst, answer) {
    if (answer !== ASSUMED)
      recursive.set(inst, answer === PROVEN);
    return answer;
  }
  function bucketFor(state, inst) {
    let bucket = state.buckets.get(inst);
    if (!bucket) {
      bucket = /* @__PURE__ */ new WeakMap();
      state.buckets.set(inst, bucket);
    }
    return bucket;
  }
  var handoff;
  var open = [];
  var memo = {
    alloc(_inst, payload, empty) {
      const bucket = handoff;
      if (!bucket)
        return empty;
      handoff = void 0;
      const entry = { value: empty, issues: null };
      bucket.set(payload.value, entry);
      open.push(entry);
      return empty;
    },
    guard(inst) {
      var _a3;
      (_a3 = inst._zod).deferred ?? (_a3.deferred = []);
      inst._zod.deferred.push(() => {
        const base = inst._zod.parse;
        const wrapped = (payload, ctx2) => {
          if (ctx2.direction !== "backward" && isBackEdge(ctx2, payload.value))
            throw new $ZodCyclicError();
          return base(payload, ctx2);
        };
        inst._zod.parse = wrapped;
        if (inst._zod.run === base)
          inst._zod.run = wrapped;
      });
    },
    attach(inst) {
      var _a3;
      let isRecursiveInst;
      let rechecked = false;
      let lastCtx;
      let lastBucket;
      (_a3 = inst._zod).deferred ?? (_a3.deferred = []);
      inst._zod.deferred.push(() => {
        const base = inst._zod.parse;
        const wrapped = (payload, ctx2) => {
          if (isRecursiveInst === void 0) {
            const walked = isRecursive(inst, /* @__PURE__ */ new Set(), false);
            if (walked === NONE) {
              inst._zod.parse = base;
              if (inst._zod.run === wrapped)
                inst._zod.run = base;
              return base(payload, ctx2);
            }
            if (walked === PROVEN || rechecked)
              isRecursiveInst = true;
            else
              rechecked = true;
          }
          const input = payload.value;
          if (!isRef(input))
            return base(payload, ctx2);
          let state = ctx2[STATE];
          if (!state) {
            state = { buckets: /* @__PURE__ */ new WeakMap(), backEdges: void 0 };
            ctx2[STATE] = state;
          }
          let bucket;
          if (lastCtx === ctx2) {
            bucket = lastBucket;
          } else {
            bucket = bucketFor(state, inst);
            lastCtx = ctx2;
            lastBucket = bucket;
          }
          const hit = bucket.get(input);
          if (hit) {
            payload.value = hit.value;
            if (hit.issues) {
              if (hit.issues.length)
                payload.issues.push(...cloneIssues(hit.issues));
            } else {
              payload.memo = true;
              state.backEdges ?? (state.backEdges = /* @__PURE__ */ new WeakSet());
              state.backEdges.add(hit.value);
            }
            return payload;
          }
          handoff = bucket;
          const depth = open.length;
          const result = base(payload, ctx2);
          handoff = void 0;
          const entry = open.length > depth ? open.pop() : void 0;
          if (result instanceof Promise) {
            return result.then((r6) => {
              if (entry)
                entry.issues = r6.issues.length ? cloneIssues(r6.issues) : NO_ISSUES;
              return r6;
            });
          }
          if (entry)
            entry.issues = result.issues.length ? cloneIssues(result.issues) : NO_ISSUES;
          return result;
        };
        inst._zod.parse = wrapped;
        if (inst._zod.run === base)
          inst._zod.run = wrapped;
      });
    }
  };
  function memoizer() {
    return memo;
  }
  function isBackEdge(ctx2, value) {
    const backEdges = ctx2[STATE]?.backEdges;
    return backEdges !== void 0 && isRef(value) && backEdges.has(value);
  }

  // node_modules/zod/v4/locales/en.js
  var error = () => {
    const Sizable = {
      string: { unit: "characters", verb: "to have" },
      file: { unit: "bytes", verb: "to have" },
      array: { unit: "items", verb: "to have" },
      set: { unit: "items", verb: "to have" },
      map: { unit: "entries", verb: "to have" }
    };
    function getSizing(origin) {
      return Sizable[origin] ?? null;
    }
    const FormatDictionary = {
      regex: "input",
      email: "email address",
      url: "URL",
      emoji: "emoji",
      uuid: "UUID",
      uuidv4: "UUIDv4",
      uuidv6: "UUIDv6",
      nanoid: "nanoid",
      guid: "GUID",
      cuid: "cuid",
      cuid2: "cuid2",
      ulid: "ULID",
      xid: "XID",
      ksuid: "KSUID",
      datetime: "ISO datetime",
      date: "ISO date",
      time: "ISO time",
      duration: "ISO duration",
      ipv4: "IPv4 address",
      ipv6: "IPv6 address",
      mac: "MAC address",
      cidrv4: "IPv4 range",
      cidrv6: "IPv6 range",
      base64: "base64-encoded string",
      base64url: "base64url-encoded string",
      json_string: "JSON string",
      e164: "E.164 number",
      currency_code: "currency code",
      credit_card: "credit card number",
      iban: "IBAN",
      jwt: "JWT",
      template_literal: "input"
    };
    const TypeDictionary = {
      // Compatibility: "nan" -> "NaN" for display
      nan: "NaN"
      // All other type names omitted - they fall back to raw values via ?? operator
    };
    function getTypeName(type, input) {
      if (type === "number" && typeof input === "number" && !Number.isFinite(input)) {
        return String(input);
      }
      return TypeDictionary[type] ?? type;
    }
    return (issue2) => {
      switch (issue2.code) {
        case "invalid_type": {
          const expected = getTypeName(issue2.expected);
          const receivedType = parsedType(issue2.input);
          const received = getTypeName(receivedType, issue2.input);
          return `Invalid input: expected ${expected}, received ${received}`;
        }
        case "invalid_value":
          if (issue2.values.length === 1)
            return `Invalid input: expected ${stringifyPrimitive(issue2.values[0])}`;
          return `Invalid option: expected one of ${joinValues(issue2.values, "|")}`;
        case "too_big": {
          const adj = issue2.exact ? "exactly " : issue2.inclusive ? "<=" : "<";
          const sizing = getSizing(issue2.origin);
          if (sizing)
            return `Too big: expected ${issue2.origin ?? "value"} to have ${adj}${issue2.maximum.toString()} ${sizing.unit ?? "elements"}`;
          return `Too big: expected ${issue2.origin ?? "value"} to be ${adj}${issue2.maximum.toString()}`;
        }
        case "too_small": {
          const adj = issue2.exact ? "exactly " : issue2.inclusive ? ">=" : ">";
          const sizing = getSizing(issue2.origin);
          if (sizing) {
            return `Too small: expected ${issue2.origin} to have ${adj}${issue2.minimum.toString()} ${sizing.unit}`;
          }
          return `Too small: expected ${issue2.origin} to be ${adj}${issue2.minimum.toString()}`;
        }
        case "invalid_format": {
          const _issue = issue2;
          if (_issue.format === "starts_with") {
            return `Invalid string: must start with "${_issue.prefix}"`;
          }
          if (_issue.format === "ends_with")
            return `Invalid string: must end with "${_issue.suffix}"`;
          if (_issue.format === "includes")
            return `Invalid string: must include "${_issue.includes}"`;
          if (_issue.format === "regex")
            return `Invalid string: must match pattern ${_issue.pattern}`;
          return `Invalid ${FormatDictionary[_issue.format] ?? issue2.format}`;
        }
        case "not_multiple_of":
          return `Invalid number: must be a multiple of ${issue2.divisor}`;
        case "unrecognized_keys":
          return `Unrecognized key${issue2.keys.length > 1 ? "s" : ""}: ${joinValues(issue2.keys, ", ")}`;
        case "invalid_key":
          return `Invalid key in ${issue2.origin}`;
        case "invalid_union":
          if (issue2.options && Array.isArray(issue2.options) && issue2.options.length > 0) {
            const opts = issue2.options.map((o8) => `'${o8}'`).join(" | ");
            return `Invalid discriminator value. Expected ${opts}`;
          }
          if (issue2.inclusive === false) {
            return "Invalid input: more than one option matched";
          }
          return "Invalid input";
        case "invalid_element":
          return `Invalid value in ${issue2.origin}`;
        default:
          return `Invalid input`;
      }
    };
  };
  function en_default() {
    return {
      localeError: error()
    };
  }

  // node_modules/zod/v4/core/registries.js
  var _a2;
  var $ZodRegistry = class {
    constructor() {
      this._map = /* @__PURE__ */ new WeakMap();
      this._idmap = /* @__PURE__ */ new Map();
    }
    add(schema, ..._meta) {
      const meta2 = _meta[0];
      this._map.set(schema, meta2);
      if (meta2 && typeof meta2 === "object" && "id" in meta2) {
        this._idmap.set(meta2.id, schema);
      }
      return this;
    }
    clear() {
      this._map = /* @__PURE__ */ new WeakMap();
      this._idmap = /* @__PURE__ */ new Map();
      return this;
    }
    remove(schema) {
      const meta2 = this._map.get(schema);
      if (meta2 && typeof meta2 === "object" && "id" in meta2) {
        this._idmap.delete(meta2.id);
      }
      this._map.delete(schema);
      return this;
    }
    get(schema) {
      const p4 = schema._zod.parent;
      if (p4) {
        const pm = { ...this.get(p4) ?? {} };
        delete pm.id;
        const f3 = { ...pm, ...this._map.get(schema) };
        return Object.keys(f3).length ? f3 : void 0;
      }
      return this._map.get(schema);
    }
    has(schema) {
      return this._map.has(schema);
    }
  };
  function registry() {
    return new $ZodRegistry();
  }
  (_a2 = globalThis).__zod_globalRegistry ?? (_a2.__zod_globalRegistry = registry());
  var globalRegistry = globalThis.__zod_globalRegistry;

  // node_modules/zod/v4/core/api.js
  function snapshotChecks(def) {
    if (def.checks)
      def.checks = [...def.checks];
    return def;
  }
  // @__NO_SIDE_EFFECTS__
  function _string(Class2, params) {
    return new Class2(snapshotChecks({ type: "string", ...normalizeParams(params) }));
  }
  // @__NO_SIDE_EFFECTS__
  function _email(Class2, params) {
    return new Class2({
      type: "string",
      format: "email",
      check: "string_format",
      abort: false,
      ...normalizeParams(params)
    });
  }
  // @__NO_SIDE_EFFECTS__
  function _guid(Class2, params) {
    return new Class2({
      type: "string",
      format: "guid",
      check: "string_format",
      abort: false,
      ...normalizeParams(params)
    });
  }
  // @__NO_SIDE_EFFECTS__
  function _uuid(Class2, params) {
    return new Class2({
      type: "string",
      format: "uuid",
      check: "string_format",
      abort: false,
      ...normalizeParams(params)
    });
  }
  // @__NO_SIDE_EFFECTS__
  function _uuidv4(Class2, params) {
    return new Class2({
      type: "string",
      format: "uuid",
      check: "string_format",
      abort: false,
      version: "v4",
      ...normalizeParams(params)
    });
  }
  // @__NO_SIDE_EFFECTS__
  function _uuidv6(Class2, params) {
    return new Class2({
      type: "string",
      format: "uuid",
      check: "string_format",
      abort: false,
      version: "v6",
      ...normalizeParams(params)
    });
  }
  // @__NO_SIDE_EFFECTS__
  function _uuidv7(Class2, params) {
    return new Class2({
      type: "string",
      format: "uuid",
      check: "string_format",
      abort: false,
      version: "v7",
      ...normalizeParams(params)
    });
  }
  // @__NO_SIDE_EFFECTS__
  function _url(Class2, params) {
    return new Class2({
      type: "string",
      format: "url",
      check: "string_format",
      abort: false,
      ...normalizeParams(params)
    });
  }
  // @__NO_SIDE_EFFECTS__
  function _emoji2(Class2, params) {
    return new Class2({
      type: "string",
      format: "emoji",
      check: "string_format",
      abort: false,
      ...normalizeParams(params)
    });
  }
  // @__NO_SIDE_EFFECTS__
  function _nanoid(Class2, params) {
    return new Class2({
      type: "string",
      format: "nanoid",
      check: "string_format",
      abort: false,
      ...normalizeParams(params)
    });
  }
  // @__NO_SIDE_EFFECTS__
  function _cuid(Class2, params) {
    return new Class2({
      type: "string",
      format: "cuid",
      check: "string_format",
      abort: false,
      ...normalizeParams(params)
    });
  }
  // @__NO_SIDE_EFFECTS__
  function _cuid2(Class2, params) {
    return new Class2({
      type: "string",
      format: "cuid2",
      check: "string_format",
      abort: false,
      ...normalizeParams(params)
    });
  }
  // @__NO_SIDE_EFFECTS__
  function _ulid(Class2, params) {
    return new Class2({
      type: "string",
      format: "ulid",
      check: "string_format",
      abort: false,
      ...normalizeParams(params)
    });
  }
  // @__NO_SIDE_EFFECTS__
  function _xid(Class2, params) {
    return new Class2({
      type: "string",
      format: "xid",
      check: "string_format",
      abort: false,
      ...normalizeParams(params)
    });
  }
  // @__NO_SIDE_EFFECTS__
  function _ksuid(Class2, params) {
    return new Class2({
      type: "string",
      format: "ksuid",
      check: "string_format",
      abort: false,
      ...normalizeParams(params)
    });
  }
  // @__NO_SIDE_EFFECTS__
  function _ipv4(Class2, params) {
    return new Class2({
      type: "string",
      format: "ipv4",
      check: "string_format",
      abort: false,
      ...normalizeParams(params)
    });
  }
  // @__NO_SIDE_EFFECTS__
  function _ipv6(Class2, params) {
    return new Class2({
      type: "string",
      format: "ipv6",
      check: "string_format",
      abort: false,
      ...normalizeParams(params)
    });
  }
  // @__NO_SIDE_EFFECTS__
  function _cidrv4(Class2, params) {
    return new Class2({
      type: "string",
      format: "cidrv4",
      check: "string_format",
      abort: false,
      ...normalizeParams(params)
    });
  }
  // @__NO_SIDE_EFFECTS__
  function _cidrv6(Class2, params) {
    return new Class2({
      type: "string",
      format: "cidrv6",
      check: "string_format",
      abort: false,
      ...normalizeParams(params)
    });
  }
  // @__NO_SIDE_EFFECTS__
  function _base64(Class2, params) {
    return new Class2({
      type: "string",
      format: "base64",
      check: "string_format",
      abort: false,
      ...normalizeParams(params)
    });
  }
  // @__NO_SIDE_EFFECTS__
  function _base64url(Class2, params) {
    return new Class2({
      type: "string",
      format: "base64url",
      check: "string_format",
      abort: false,
      ...normalizeParams(params)
    });
  }
  // @__NO_SIDE_EFFECTS__
  function _e164(Class2, params) {
    return new Class2({
      type: "string",
      format: "e164",
      check: "string_format",
      abort: false,
      ...normalizeParams(params)
    });
  }
  // @__NO_SIDE_EFFECTS__
  function _jwt(Class2, params) {
    return new Class2({
      type: "string",
      format: "jwt",
      check: "string_format",
      abort: false,
      ...normalizeParams(params)
    });
  }
  // @__NO_SIDE_EFFECTS__
  function _isoDateTime(Class2, params) {
    return new Class2({
      type: "string",
      format: "datetime",
      check: "string_format",
      offset: false,
      local: false,
      precision: null,
      ...normalizeParams(params)
    });
  }
  // @__NO_SIDE_EFFECTS__
  function _isoDate(Class2, params) {
    return new Class2({
      type: "string",
      format: "date",
      check: "string_format",
      ...normalizeParams(params)
    });
  }
  // @__NO_SIDE_EFFECTS__
  function _isoTime(Class2, params) {
    return new Class2({
      type: "string",
      format: "time",
      check: "string_format",
      precision: null,
      ...normalizeParams(params)
    });
  }
  // @__NO_SIDE_EFFECTS__
  function _isoDuration(Class2, params) {
    return new Class2({
      type: "string",
      format: "duration",
      check: "string_format",
      ...normalizeParams(params)
    });
  }
  // @__NO_SIDE_EFFECTS__
  function _number(Class2, params) {
    return new Class2(snapshotChecks({ type: "number", checks: [], ...normalizeParams(params) }));
  }
  // @__NO_SIDE_EFFECTS__
  function _int(Class2, params) {
    return new Class2({
      type: "number",
      check: "number_format",
      abort: false,
      format: "safeint",
      ...normalizeParams(params)
    });
  }
  // @__NO_SIDE_EFFECTS__
  function _boolean(Class2, params) {
    return new Class2({
      type: "boolean",
      ...normalizeParams(params)
    });
  }
  // @__NO_SIDE_EFFECTS__
  function _null2(Class2, params) {
    return new Class2({
      type: "null",
      ...normalizeParams(params)
    });
  }
  // @__NO_SIDE_EFFECTS__
  function _unknown(Class2) {
    return new Class2({
      type: "unknown"
    });
  }
  // @__NO_SIDE_EFFECTS__
  function _never(Class2, params) {
    return new Class2({
      type: "never",
      ...normalizeParams(params)
    });
  }
  // @__NO_SIDE_EFFECTS__
  function _lt(value, params) {
    return new $ZodCheckLessThan({
      check: "less_than",
      ...normalizeParams(params),
      value,
      inclusive: false
    });
  }
  // @__NO_SIDE_EFFECTS__
  function _lte(value, params) {
    return new $ZodCheckLessThan({
      check: "less_than",
      ...normalizeParams(params),
      value,
      inclusive: true
    });
  }
  // @__NO_SIDE_EFFECTS__
  function _gt(value, params) {
    return new $ZodCheckGreaterThan({
      check: "greater_than",
      ...normalizeParams(params),
      value,
      inclusive: false
    });
  }
  // @__NO_SIDE_EFFECTS__
  function _gte(value, params) {
    return new $ZodCheckGreaterThan({
      check: "greater_than",
      ...normalizeParams(params),
      value,
      inclusive: true
    });
  }
  // @__NO_SIDE_EFFECTS__
  function _multipleOf(value, params) {
    return new $ZodCheckMultipleOf({
      check: "multiple_of",
      ...normalizeParams(params),
      value
    });
  }
  // @__NO_SIDE_EFFECTS__
  function _maxLength(maximum, params) {
    const ch = new $ZodCheckMaxLength({
      check: "max_length",
      ...normalizeParams(params),
      maximum
    });
    return ch;
  }
  // @__NO_SIDE_EFFECTS__
  function _minLength(minimum, params) {
    return new $ZodCheckMinLength({
      check: "min_length",
      ...normalizeParams(params),
      minimum
    });
  }
  // @__NO_SIDE_EFFECTS__
  function _length(length, params) {
    return new $ZodCheckLengthEquals({
      check: "length_equals",
      ...normalizeParams(params),
      length
    });
  }
  // @__NO_SIDE_EFFECTS__
  function _regex(pattern, params) {
    return new $ZodCheckRegex({
      check: "string_format",
      format: "regex",
      ...normalizeParams(params),
      pattern
    });
  }
  // @__NO_SIDE_EFFECTS__
  function _lowercase(params) {
    return new $ZodCheckLowerCase({
      check: "string_format",
      format: "lowercase",
      ...normalizeParams(params)
    });
  }
  // @__NO_SIDE_EFFECTS__
  function _uppercase(params) {
    return new $ZodCheckUpperCase({
      check: "string_format",
      format: "uppercase",
      ...normalizeParams(params)
    });
  }
  // @__NO_SIDE_EFFECTS__
  function _includes(includes, params) {
    return new $ZodCheckIncludes({
      check: "string_format",
      format: "includes",
      ...normalizeParams(params),
      includes
    });
  }
  // @__NO_SIDE_EFFECTS__
  function _startsWith(prefix, params) {
    return new $ZodCheckStartsWith({
      check: "string_format",
      format: "starts_with",
      ...normalizeParams(params),
      prefix
    });
  }
  // @__NO_SIDE_EFFECTS__
  function _endsWith(suffix, params) {
    return new $ZodCheckEndsWith({
      check: "string_format",
      format: "ends_with",
      ...normalizeParams(params),
      suffix
    });
  }
  // @__NO_SIDE_EFFECTS__
  function _overwrite(tx) {
    return new $ZodCheckOverwrite({
      check: "overwrite",
      tx
    });
  }
  // @__NO_SIDE_EFFECTS__
  function _normalize(form) {
    return /* @__PURE__ */ _overwrite((input) => input.normalize(form));
  }
  // @__NO_SIDE_EFFECTS__
  function _trim() {
    return /* @__PURE__ */ _overwrite((input) => input.trim());
  }
  // @__NO_SIDE_EFFECTS__
  function _toLowerCase() {
    return /* @__PURE__ */ _overwrite((input) => input.toLowerCase());
  }
  // @__NO_SIDE_EFFECTS__
  function _toUpperCase() {
    return /* @__PURE__ */ _overwrite((input) => input.toUpperCase());
  }
  // @__NO_SIDE_EFFECTS__
  function _slugify() {
    return /* @__PURE__ */ _overwrite((input) => slugify(input));
  }
  // @__NO_SIDE_EFFECTS__
  function _array(Class2, element, params) {
    return new Class2({
      type: "array",
      element,
      // get element() {
      //   return element;
      // },
      ...normalizeParams(params)
    });
  }
  // @__NO_SIDE_EFFECTS__
  function _refine(Class2, fn, _params) {
    const schema = new Class2({
      type: "custom",
      check: "custom",
      fn,
      ...normalizeParams(_params)
    });
    return schema;
  }
  // @__NO_SIDE_EFFECTS__
  function _superRefine(fn, params) {
    const ch = /* @__PURE__ */ _check((payload) => {
      payload.addIssue = (issue2) => {
        if (typeof issue2 === "string") {
          payload.issues.push(issue(issue2, payload.value, ch._zod.def));
        } else {
          const _issue = issue2;
          if (_issue.fatal)
            _issue.continue = false;
          _issue.code ?? (_issue.code = "custom");
          if (!("input" in _issue))
            _issue.input = payload.value;
          _issue.inst ?? (_issue.inst = ch);
          _issue.continue ?? (_issue.continue = !ch._zod.def.abort);
          payload.issues.push(issue(_issue));
        }
      };
      return fn(payload.value, payload);
    }, params);
    return ch;
  }
  // @__NO_SIDE_EFFECTS__
  function _check(fn, params) {
    const ch = new $ZodCheck({
      check: "custom",
      ...normalizeParams(params)
    });
    ch._zod.check = fn;
    return ch;
  }

  // node_modules/zod/v4/core/to-json-schema.js
  function assignProps(target, ...sources) {
    for (const source of sources) {
      for (const key of Reflect.ownKeys(source)) {
        if (Object.prototype.propertyIsEnumerable.call(source, key)) {
          assignProp(target, key, source[key]);
        }
      }
    }
    return target;
  }
  function initializeContext(params) {
    let target = params?.target ?? "draft-2020-12";
    if (target === "draft-4")
      target = "draft-04";
    if (target === "draft-7")
      target = "draft-07";
    return {
      processors: params.processors ?? {},
      metadataRegistry: params?.metadata ?? globalRegistry,
      target,
      unrepresentable: params?.unrepresentable ?? "throw",
      override: params?.override ?? (() => {
      }),
      io: params?.io ?? "output",
      counter: 0,
      seen: /* @__PURE__ */ new Map(),
      sharedDefsExtractedFor: void 0,
      sharedEmitDoneFor: void 0,
      cycles: params?.cycles ?? "ref",
      reused: params?.reused ?? "inline",
      intersections: [],
      deferred: [],
      external: params?.external ?? void 0
    };
  }
  function handleUnrepresentable(schema, ctx2, json, params, message) {
    const result = typeof ctx2.unrepresentable === "function" ? ctx2.unrepresentable({ zodSchema: schema, path: params.path, message }) : ctx2.unrepresentable;
    if (result === "any")
      return false;
    if (result === void 0 || result === "throw")
      throw new Error(message);
    Object.assign(json, result);
    return true;
  }
  function processSchema(schema, ctx2, _params = { path: [], schemaPath: [] }) {
    var _a3;
    const def = schema._zod.def;
    const seen = ctx2.seen.get(schema);
    if (seen) {
      seen.count++;
      const isCycle = _params.schemaPath.includes(schema);
      if (isCycle) {
        seen.cycle = _params.path;
      }
      return seen.schema;
    }
    const result = { schema: {}, count: 1, cycle: void 0, path: _params.path };
    ctx2.seen.set(schema, result);
    ctx2.sharedDefsExtractedFor = void 0;
    ctx2.sharedEmitDoneFor = void 0;
    const overrideSchema = schema._zod.toJSONSchema?.();
    if (overrideSchema) {
      result.schema = overrideSchema;
    } else {
      const params = {
        ..._params,
        schemaPath: [..._params.schemaPath, schema],
        path: _params.path
      };
      if (schema._zod.processJSONSchema) {
        schema._zod.processJSONSchema(ctx2, result.schema, params);
      } else {
        const _json = result.schema;
        const processor = ctx2.processors[def.type];
        if (!processor) {
          throw new Error(`[toJSONSchema]: Non-representable type encountered: ${def.type}`);
        }
        processor(schema, ctx2, _json, params);
      }
      const parent = schema._zod.parent;
      if (parent) {
        if (!result.ref)
          result.ref = parent;
        processSchema(parent, ctx2, params);
        ctx2.seen.get(parent).isParent = true;
      }
    }
    const meta2 = ctx2.metadataRegistry.get(schema);
    if (meta2)
      assignProps(result.schema, meta2);
    if (ctx2.io === "input" && isTransforming(schema)) {
      delete result.schema.examples;
      delete result.schema.default;
    }
    if (ctx2.io === "input" && "_prefault" in result.schema)
      (_a3 = result.schema).default ?? (_a3.default = result.schema._prefault);
    delete result.schema._prefault;
    const _result = ctx2.seen.get(schema);
    return _result.schema;
  }
  function encodeJSONPointerSegment(segment) {
    return segment.replace(/~/g, "~0").replace(/\//g, "~1");
  }
  function extractDefs(ctx2, schema) {
    const root = ctx2.seen.get(schema);
    if (!root)
      throw new Error("Unprocessed schema. This is a bug in Zod.");
    if (ctx2.external && ctx2.sharedDefsExtractedFor === ctx2.external)
      return;
    const idToSchema = /* @__PURE__ */ new Map();
    for (const entry of ctx2.seen.entries()) {
      const id2 = ctx2.metadataRegistry.get(entry[0])?.id;
      if (id2) {
        const existing = idToSchema.get(id2);
        if (existing && existing !== entry[0]) {
          throw new Error(`Duplicate schema id "${id2}" detected during JSON Schema conversion. Two different schemas cannot share the same id when converted together.`);
        }
        idToSchema.set(id2, entry[0]);
      }
    }
    const makeURI = (entry) => {
      const defsSegment = ctx2.target === "draft-2020-12" ? "$defs" : "definitions";
      if (ctx2.external) {
        const externalId = ctx2.external.registry.get(entry[0])?.id;
        const uriGenerator = ctx2.external.uri ?? ((id3) => id3);
        if (externalId) {
          return { ref: uriGenerator(externalId) };
        }
        const id2 = entry[1].defId ?? entry[1].schema.id ?? `schema${ctx2.counter++}`;
        entry[1].defId = id2;
        return { defId: id2, ref: `${uriGenerator("__shared")}#/${defsSegment}/${encodeJSONPointerSegment(id2)}` };
      }
      const uriPrefix = `#`;
      const defUriPrefix = `${uriPrefix}/${defsSegment}/`;
      if (entry[1] === root && !entry[1].schema.id) {
        return { ref: uriPrefix };
      }
      const defId = entry[1].schema.id ?? `__schema${ctx2.counter++}`;
      return { defId, ref: defUriPrefix + encodeJSONPointerSegment(defId) };
    };
    const extractToDef = (entry) => {
      if (entry[1].schema.$ref) {
        return;
      }
      const seen = entry[1];
      const { ref, defId } = makeURI(entry);
      seen.def = { ...seen.schema };
      if (defId)
        seen.defId = defId;
      const schema2 = seen.schema;
      for (const key in schema2) {
        delete schema2[key];
      }
      schema2.$ref = ref;
    };
    if (ctx2.cycles === "throw") {
      for (const entry of ctx2.seen.entries()) {
        const seen = entry[1];
        if (seen.cycle) {
          throw new Error(`Cycle detected: #/${seen.cycle?.join("/")}/<root>

Set the \`cycles\` parameter to \`"ref"\` to resolve cyclical schemas with defs.`);
        }
      }
    }
    for (const entry of ctx2.seen.entries()) {
      const seen = entry[1];
      if (schema === entry[0]) {
        extractToDef(entry);
        continue;
      }
      if (ctx2.external) {
        const ext = ctx2.external.registry.get(entry[0])?.id;
        if (schema !== entry[0] && ext) {
          extractToDef(entry);
          continue;
        }
      }
      const id2 = ctx2.metadataRegistry.get(entry[0])?.id;
      if (id2) {
        extractToDef(entry);
        continue;
      }
      if (seen.cycle) {
        extractToDef(entry);
        continue;
      }
      if (seen.count > 1) {
        if (ctx2.reused === "ref") {
          extractToDef(entry);
        }
      }
    }
    if (ctx2.external)
      ctx2.sharedDefsExtractedFor = ctx2.external;
  }
  function compactTypeUnion(schema) {
    const options = schema.anyOf;
    if (!Array.isArray(options) || options.length === 0 || schema.type !== void 0)
      return;
    const types = [];
    for (const option of options) {
      if (!option || typeof option !== "object")
        return;
      compactTypeUnion(option);
      const keys = Object.keys(option);
      if (keys.length !== 1 || keys[0] !== "type")
        return;
      const type = option.type;
      for (const member of Array.isArray(type) ? type : [type]) {
        if (typeof member !== "string")
          return;
        if (!types.includes(member))
          types.push(member);
      }
    }
    delete schema.anyOf;
    schema.type = types.length === 1 ? types[0] : types;
  }
  var FOLDABLE_KEYS = /* @__PURE__ */ new Set(["type", "properties", "required", "additionalProperties"]);
  var UNION_KEYS = ["oneOf", "anyOf"];
  function undeclaredConstraint(member) {
    const extra = member.additionalProperties;
    if (extra === void 0 || extra === false || typeof extra !== "object" || extra === null)
      return null;
    return Object.keys(extra).length ? extra : null;
  }
  function foldObjects(members2) {
    const objects = [];
    for (const member of members2) {
      if (typeof member !== "object" || member.type !== "object")
        return null;
      for (const key in member) {
        if (!FOLDABLE_KEYS.has(key))
          return null;
      }
      objects.push(member);
    }
    const properties = {};
    const required2 = /* @__PURE__ */ new Set();
    for (const object2 of objects) {
      for (const key in object2.properties) {
        if (Object.prototype.hasOwnProperty.call(properties, key))
          continue;
        const parts = [];
        for (const other of objects) {
          const part = other.properties?.[key] ?? undeclaredConstraint(other);
          if (part === null || part === void 0)
            continue;
          if (!parts.some((seen) => JSON.stringify(seen) === JSON.stringify(part)))
            parts.push(part);
        }
        const merged = parts.length === 1 ? parts[0] : foldObjects(parts) ?? { allOf: parts };
        assignProp(properties, key, merged);
      }
      for (const key of object2.required ?? [])
        required2.add(key);
    }
    const folded = { type: "object", properties };
    if (required2.size)
      folded.required = [...required2];
    if (objects.every((object2) => object2.additionalProperties === false)) {
      folded.additionalProperties = false;
    } else {
      const constraints = [];
      for (const object2 of objects) {
        const constraint = undeclaredConstraint(object2);
        if (constraint && !constraints.some((seen) => JSON.stringify(seen) === JSON.stringify(constraint)))
          constraints.push(constraint);
      }
      if (constraints.length === 1)
        folded.additionalProperties = constraints[0];
      else if (constraints.length > 1)
        folded.additionalProperties = { allOf: constraints };
    }
    return folded;
  }
  function foldIntersection(json) {
    const allOf = json.allOf;
    if (!Array.isArray(allOf) || allOf.length < 2)
      return;
    for (const key of FOLDABLE_KEYS)
      if (key in json)
        return;
    const unions = allOf.filter((m3) => UNION_KEYS.some((k2) => Array.isArray(m3[k2])));
    let folded = null;
    if (!unions.length) {
      folded = foldObjects(allOf);
    } else {
      const union2 = unions[0];
      const keyword = UNION_KEYS.find((k2) => Array.isArray(union2[k2]));
      if (Object.keys(union2).length !== 1)
        return;
      const rest = allOf.filter((m3) => m3 !== union2);
      const branches = union2[keyword].map((branch) => foldObjects([...rest, branch]));
      if (branches.some((b3) => !b3))
        return;
      folded = { [keyword]: branches };
    }
    if (!folded)
      return;
    delete json.allOf;
    assignProps(json, folded);
  }
  function finalize(ctx2, schema) {
    const root = ctx2.seen.get(schema);
    if (!root)
      throw new Error("Unprocessed schema. This is a bug in Zod.");
    const flattenRef = (zodSchema) => {
      const seen = ctx2.seen.get(zodSchema);
      if (seen.ref === null)
        return;
      const schema2 = seen.def ?? seen.schema;
      const _cached = { ...schema2 };
      const ref = seen.ref;
      seen.ref = null;
      if (ref) {
        flattenRef(ref);
        const refSeen = ctx2.seen.get(ref);
        const refSchema = refSeen.schema;
        if (refSchema.$ref && (ctx2.target === "draft-07" || ctx2.target === "draft-04" || ctx2.target === "openapi-3.0")) {
          schema2.allOf = schema2.allOf ?? [];
          schema2.allOf.push(refSchema);
        } else {
          assignProps(schema2, refSchema);
        }
        assignProps(schema2, _cached);
        const isParentRef = zodSchema._zod.parent === ref;
        if (isParentRef) {
          for (const key in schema2) {
            if (key === "$ref" || key === "allOf")
              continue;
            if (!(key in _cached)) {
              delete schema2[key];
            }
          }
        }
        if (refSchema.$ref && refSeen.def) {
          for (const key in schema2) {
            if (key === "$ref" || key === "allOf")
              continue;
            if (key in refSeen.def && JSON.stringify(schema2[key]) === JSON.stringify(refSeen.def[key])) {
              delete schema2[key];
            }
          }
        }
      }
      const parent = zodSchema._zod.parent;
      if (parent && parent !== ref) {
        flattenRef(parent);
        const parentSeen = ctx2.seen.get(parent);
        if (parentSeen?.schema.$ref) {
          schema2.$ref = parentSeen.schema.$ref;
          if (parentSeen.def) {
            for (const key in schema2) {
              if (key === "$ref" || key === "allOf")
                continue;
              if (key in parentSeen.def && JSON.stringify(schema2[key]) === JSON.stringify(parentSeen.def[key])) {
                delete schema2[key];
              }
            }
          }
        }
      }
      ctx2.override({
        zodSchema,
        jsonSchema: schema2,
        path: seen.path ?? []
      });
    };
    if (!ctx2.external || ctx2.sharedEmitDoneFor !== ctx2.external) {
      for (const entry of [...ctx2.seen.entries()].reverse()) {
        flattenRef(entry[0]);
      }
      if (ctx2.target !== "openapi-3.0") {
        for (const entry of ctx2.seen.entries()) {
          compactTypeUnion(entry[1].def ?? entry[1].schema);
        }
      }
      for (const rewrite of ctx2.deferred)
        rewrite();
      if (ctx2.intersections.length) {
        const carriers = /* @__PURE__ */ new Map();
        for (const seen of ctx2.seen.values()) {
          for (const json of [seen.schema, seen.def]) {
            const allOf = json?.allOf;
            if (!Array.isArray(allOf))
              continue;
            const existing = carriers.get(allOf);
            if (existing)
              existing.push(json);
            else
              carriers.set(allOf, [json]);
          }
        }
        for (const allOf of ctx2.intersections) {
          for (const json of carriers.get(allOf) ?? [])
            foldIntersection(json);
        }
      }
    }
    const result = {};
    if (ctx2.target === "draft-2020-12") {
      result.$schema = "https://json-schema.org/draft/2020-12/schema";
    } else if (ctx2.target === "draft-07") {
      result.$schema = "http://json-schema.org/draft-07/schema#";
    } else if (ctx2.target === "draft-04") {
      result.$schema = "http://json-schema.org/draft-04/schema#";
    } else if (ctx2.target === "openapi-3.0") {
    } else {
    }
    if (ctx2.external?.uri) {
      const id2 = ctx2.external.registry.get(schema)?.id;
      if (!id2)
        throw new Error("Schema is missing an `id` property");
      result.$id = ctx2.external.uri(id2);
    }
    assignProps(result, root.defId ? root.schema : root.def ?? root.schema);
    const rootMetaId = ctx2.metadataRegistry.get(schema)?.id;
    if (rootMetaId !== void 0 && result.id === rootMetaId)
      delete result.id;
    const defs = ctx2.external?.defs ?? {};
    if (!ctx2.external || ctx2.sharedEmitDoneFor !== ctx2.external) {
      for (const entry of ctx2.seen.entries()) {
        const seen = entry[1];
        if (seen.def && seen.defId) {
          if (seen.def.id === seen.defId)
            delete seen.def.id;
          assignProp(defs, seen.defId, seen.def);
        }
      }
    }
    if (ctx2.external)
      ctx2.sharedEmitDoneFor = ctx2.external;
    if (ctx2.external) {
    } else {
      if (Object.keys(defs).length > 0) {
        if (ctx2.target === "draft-2020-12") {
          result.$defs = defs;
        } else {
          result.definitions = defs;
        }
      }
    }
    try {
      const finalized = JSON.parse(JSON.stringify(result));
      Object.defineProperty(finalized, "~standard", {
        value: {
          ...schema["~standard"],
          jsonSchema: {
            input: createStandardJSONSchemaMethod(schema, "input", ctx2.processors),
            output: createStandardJSONSchemaMethod(schema, "output", ctx2.processors)
          }
        },
        enumerable: false,
        writable: false
      });
      return finalized;
    } catch (_err) {
      throw new Error("Error converting schema to JSON.");
    }
  }
  function isTransforming(_schema, _ctx) {
    const ctx2 = _ctx ?? { seen: /* @__PURE__ */ new Set() };
    if (ctx2.seen.has(_schema))
      return false;
    ctx2.seen.add(_schema);
    const def = _schema._zod.def;
    if (def.type === "transform")
      return true;
    if (def.type === "array")
      return isTransforming(def.element, ctx2);
    if (def.type === "set")
      return isTransforming(def.valueType, ctx2);
    if (def.type === "lazy")
      return isTransforming(def.getter(), ctx2);
    if (def.type === "promise" || def.type === "optional" || def.type === "nonoptional" || def.type === "nullable" || def.type === "readonly" || def.type === "default" || def.type === "prefault" || def.type === "catch") {
      return isTransforming(def.innerType, ctx2);
    }
    if (def.type === "intersection") {
      return isTransforming(def.left, ctx2) || isTransforming(def.right, ctx2);
    }
    if (def.type === "record" || def.type === "map") {
      return isTransforming(def.keyType, ctx2) || isTransforming(def.valueType, ctx2);
    }
    if (def.type === "pipe") {
      if (_schema._zod.traits.has("$ZodCodec"))
        return true;
      return isTransforming(def.in, ctx2) || isTransforming(def.out, ctx2);
    }
    if (def.type === "object") {
      for (const key in def.shape) {
        if (isTransforming(def.shape[key], ctx2))
          return true;
      }
      return false;
    }
    if (def.type === "union") {
      for (const option of def.options) {
        if (isTransforming(option, ctx2))
          return true;
      }
      return false;
    }
    if (def.type === "tuple") {
      for (const item of def.items) {
        if (isTransforming(item, ctx2))
          return true;
      }
      if (def.rest && isTransforming(def.rest, ctx2))
        return true;
      return false;
    }
    return false;
  }
  var createToJSONSchemaMethod = (schema, processors = {}) => (params) => {
    const ctx2 = initializeContext({ ...params, processors });
    processSchema(schema, ctx2);
    extractDefs(ctx2, schema);
    return finalize(ctx2, schema);
  };
  var createStandardJSONSchemaMethod = (schema, io, processors = {}) => (params) => {
    const { libraryOptions, target } = params ?? {};
    const ctx2 = initializeContext({ ...libraryOptions ?? {}, target, io, processors });
    processSchema(schema, ctx2);
    extractDefs(ctx2, schema);
    return finalize(ctx2, schema);
  };

  // node_modules/zod/v4/core/json-schema-processors.js
  var narrowMin = (agg, key, value) => {
    if (agg[key] === void 0 || value > agg[key])
      agg[key] = value;
  };
  var narrowMax = (agg, key, value) => {
    if (agg[key] === void 0 || value < agg[key])
      agg[key] = value;
  };
  var narrowBoth = (agg, value) => {
    narrowMin(agg, "minimum", value);
    narrowMax(agg, "maximum", value);
  };
  var addDivisor = (agg, value) => {
    agg.multipleOf ?? (agg.multipleOf = []);
    if (!agg.multipleOf.includes(value))
      agg.multipleOf.push(value);
  };
  var addPattern = (agg, pattern) => {
    agg.patterns ?? (agg.patterns = /* @__PURE__ */ new Set());
    agg.patterns.add(pattern);
  };
  var intersectMime = (agg, mime) => {
    agg.mime = agg.mime ? agg.mime.filter((m3) => mime.includes(m3)) : [...mime];
  };
  var setFormat = (agg, format) => {
    agg.format = format;
    if (format.includes("int"))
      agg.isInt = true;
  };
  var minContributor = (agg, def) => narrowMin(agg, "minimum", def.minimum);
  var maxContributor = (agg, def) => narrowMax(agg, "maximum", def.maximum);
  var formatContributor = (ranges) => (agg, def) => {
    setFormat(agg, def.format);
    const [minimum, maximum] = ranges[def.format];
    narrowMin(agg, "minimum", minimum);
    narrowMax(agg, "maximum", maximum);
  };
  var contributors = {
    greater_than: (agg, def) => narrowMin(agg, def.inclusive ? "minimum" : "exclusiveMinimum", def.value),
    less_than: (agg, def) => narrowMax(agg, def.inclusive ? "maximum" : "exclusiveMaximum", def.value),
    multiple_of: (agg, def) => addDivisor(agg, def.value),
    number_format: formatContributor(NUMBER_FORMAT_RANGES),
    bigint_format: formatContributor(BIGINT_FORMAT_RANGES),
    min_length: minContributor,
    max_length: maxContributor,
    length_equals: (agg, def) => narrowBoth(agg, def.length),
    min_size: minContributor,
    max_size: maxContributor,
    size_equals: (agg, def) => narrowBoth(agg, def.size),
    string_format: (agg, def) => {
      setFormat(agg, def.format);
      if (def.pattern)
        addPattern(agg, def.pattern);
      if (def.format === "base64" || def.format === "base64url")
        agg.contentEncoding = def.format;
      if (def.local || def.precision === -1)
        agg.laxFormat = true;
    },
    mime_type: (agg, def) => intersectMime(agg, def.mime)
  };
  function aggregateChecks(schema) {
    const agg = {};
    const def = schema._zod.def;
    const list = schema._zod.traits.has("$ZodCheck") ? [schema, ...def.checks ?? []] : def.checks ?? [];
    for (const ch of list)
      contributors[ch._zod.def.check]?.(agg, ch._zod.def);
    const bag = schema._zod.bag;
    if (bag.minimum !== void 0)
      narrowMin(agg, "minimum", bag.minimum);
    if (bag.exclusiveMinimum !== void 0)
      narrowMin(agg, "exclusiveMinimum", bag.exclusiveMinimum);
    if (bag.maximum !== void 0)
      narrowMax(agg, "maximum", bag.maximum);
    if (bag.exclusiveMaximum !== void 0)
      narrowMax(agg, "exclusiveMaximum", bag.exclusiveMaximum);
    if (bag.multipleOf !== void 0)
      addDivisor(agg, bag.multipleOf);
    if (bag.format !== void 0) {
      agg.format ?? (agg.format = bag.format);
      if (bag.format.includes("int"))
        agg.isInt = true;
    }
    if (bag.mime)
      intersectMime(agg, bag.mime);
    for (const pattern of bag.patterns ?? [])
      addPattern(agg, pattern);
    return agg;
  }
  var formatMap = {
    guid: "uuid",
    url: "uri",
    datetime: "date-time",
    json_string: "json-string",
    regex: ""
    // do not set
  };
  var exactPatterns = /* @__PURE__ */ new Map([
    [base64Charset, base64],
    [base64urlCharset, base64url]
  ]);
  var exactPattern = (p4) => exactPatterns.get(p4) ?? p4;
  var stringProcessor = (schema, ctx2, _json, _params) => {
    const json = _json;
    json.type = "string";
    const { minimum, maximum, format, patterns, contentEncoding, laxFormat } = aggregateChecks(schema);
    if (typeof minimum === "number")
      json.minLength = minimum;
    if (typeof maximum === "number")
      json.maxLength = maximum;
    if (format) {
      json.format = formatMap[format] ?? format;
      if (json.format === "")
        delete json.format;
      if (format === "time" || laxFormat) {
        delete json.format;
      }
    }
    if (contentEncoding)
      json.contentEncoding = contentEncoding;
    if (patterns && patterns.size > 0) {
      const patternList = [...patterns].map(exactPattern);
      if (patternList.length === 1)
        json.pattern = patternList[0].source;
      else if (patternList.length > 1) {
        json.allOf = [
          ...patternList.map((regex) => ({
            ...ctx2.target === "draft-07" || ctx2.target === "draft-04" || ctx2.target === "openapi-3.0" ? { type: "string" } : {},
            pattern: regex.source
          }))
        ];
      }
    }
  };
  var numberProcessor = (schema, ctx2, _json, params) => {
    const json = _json;
    const { minimum, maximum, multipleOf, exclusiveMaximum, exclusiveMinimum, isInt } = aggregateChecks(schema);
    json.type = isInt ? "integer" : "number";
    const exMin = typeof exclusiveMinimum === "number" && exclusiveMinimum >= (minimum ?? Number.NEGATIVE_INFINITY);
    const exMax = typeof exclusiveMaximum === "number" && exclusiveMaximum <= (maximum ?? Number.POSITIVE_INFINITY);
    const legacy = ctx2.target === "draft-04" || ctx2.target === "openapi-3.0";
    if (exMin) {
      if (legacy) {
        json.minimum = exclusiveMinimum;
        json.exclusiveMinimum = true;
      } else {
        json.exclusiveMinimum = exclusiveMinimum;
      }
    } else if (typeof minimum === "number") {
      json.minimum = minimum;
    }
    if (exMax) {
      if (legacy) {
        json.maximum = exclusiveMaximum;
        json.exclusiveMaximum = true;
      } else {
        json.exclusiveMaximum = exclusiveMaximum;
      }
    } else if (typeof maximum === "number") {
      json.maximum = maximum;
    }
    if (multipleOf) {
      const divisors = /* @__PURE__ */ new Set();
      for (const divisor of multipleOf) {
        if (Number.isFinite(divisor) && divisor !== 0)
          divisors.add(Math.abs(divisor));
        else
          handleUnrepresentable(schema, ctx2, json, params, `A multipleOf divisor of ${divisor} cannot be represented in JSON Schema`);
      }
      const [first, ...rest] = divisors;
      if (first !== void 0)
        json.multipleOf = first;
      if (rest.length)
        json.allOf = [...json.allOf ?? [], ...rest.map((m3) => ({ multipleOf: m3 }))];
    }
  };
  var booleanProcessor = (_schema, _ctx, json, _params) => {
    json.type = "boolean";
  };
  var nullProcessor = (_schema, ctx2, json, _params) => {
    if (ctx2.target === "openapi-3.0") {
      json.type = "string";
      json.nullable = true;
      json.enum = [null];
    } else {
      json.type = "null";
    }
  };
  var neverProcessor = (_schema, _ctx, json, _params) => {
    json.not = {};
  };
  var unknownProcessor = (_schema, _ctx, _json, _params) => {
  };
  var enumProcessor = (schema, _ctx, json, _params) => {
    const def = schema._zod.def;
    const values = getEnumValues(def.entries);
    if (values.length === 0) {
      json.not = {};
      return;
    }
    if (values.every((v3) => typeof v3 === "number"))
      json.type = "number";
    if (values.every((v3) => typeof v3 === "string"))
      json.type = "string";
    json.enum = values;
  };
  var literalProcessor = (schema, ctx2, json, params) => {
    const def = schema._zod.def;
    if (def.values.length === 0) {
      json.not = {};
      return;
    }
    const vals = [];
    for (const val of def.values) {
      if (val === void 0) {
        if (handleUnrepresentable(schema, ctx2, json, params, "Literal `undefined` cannot be represented in JSON Schema"))
          return;
      } else if (typeof val === "bigint") {
        if (handleUnrepresentable(schema, ctx2, json, params, "BigInt literals cannot be represented in JSON Schema"))
          return;
        vals.push(Number(val));
      } else {
        vals.push(val);
      }
    }
    if (vals.length === 0) {
    } else if (vals.length === 1) {
      const val = vals[0];
      json.type = val === null ? "null" : typeof val;
      if (ctx2.target === "draft-04" || ctx2.target === "openapi-3.0") {
        json.enum = [val];
      } else {
        json.const = val;
      }
    } else {
      if (vals.every((v3) => typeof v3 === "number"))
        json.type = "number";
      if (vals.every((v3) => typeof v3 === "string"))
        json.type = "string";
      if (vals.every((v3) => typeof v3 === "boolean"))
        json.type = "boolean";
      if (vals.every((v3) => v3 === null))
        json.type = "null";
      json.enum = vals;
    }
  };
  var customProcessor = (schema, ctx2, json, params) => {
    handleUnrepresentable(schema, ctx2, json, params, "Custom types cannot be represented in JSON Schema");
  };
  var transformProcessor = (schema, ctx2, json, params) => {
    handleUnrepresentable(schema, ctx2, json, params, "Transforms cannot be represented in JSON Schema");
  };
  var arrayProcessor = (schema, ctx2, _json, params) => {
    const json = _json;
    const def = schema._zod.def;
    const { minimum, maximum } = aggregateChecks(schema);
    if (typeof minimum === "number")
      json.minItems = minimum;
    if (typeof maximum === "number")
      json.maxItems = maximum;
    json.type = "array";
    json.items = processSchema(def.element, ctx2, {
      ...params,
      path: [...params.path, "items"]
    });
  };
  function inputOptin(schema) {
    const def = schema._zod.def;
    if (def.type === "pipe" && def.in._zod.traits.has("$ZodTransform")) {
      return inputOptin(def.out);
    }
    if (def.type === "catch") {
      return inputOptin(def.innerType);
    }
    return schema._zod.optin;
  }
  var objectProcessor = (schema, ctx2, _json, params) => {
    const json = _json;
    const def = schema._zod.def;
    const shape = def.shape;
    const symbolKeys = Object.getOwnPropertySymbols(shape);
    if (symbolKeys.length && handleUnrepresentable(schema, ctx2, json, params, "Symbol keys cannot be represented in JSON Schema")) {
      return;
    }
    json.type = "object";
    json.properties = {};
    for (const key in shape) {
      assignProp(json.properties, key, processSchema(shape[key], ctx2, {
        ...params,
        path: [...params.path, "properties", key]
      }));
    }
    const requiredKeys = [];
    for (const key of Object.keys(shape)) {
      const field = def.shape[key];
      if (ctx2.io === "input" ? inputOptin(field) === void 0 : field._zod.optout === void 0) {
        requiredKeys.push(key);
      }
    }
    if (requiredKeys.length > 0) {
      json.required = requiredKeys;
    }
    if (def.catchall?._zod.def.type === "never") {
      json.additionalProperties = false;
    } else if (!def.catchall) {
      if (ctx2.io === "output")
        json.additionalProperties = false;
    } else if (def.catchall) {
      json.additionalProperties = processSchema(def.catchall, ctx2, {
        ...params,
        path: [...params.path, "additionalProperties"]
      });
    }
  };
  var unionProcessor = (schema, ctx2, json, params) => {
    const def = schema._zod.def;
    const isExclusive = def.inclusive === false;
    const options = def.options.map((x2, i7) => processSchema(x2, ctx2, {
      ...params,
      path: [...params.path, isExclusive ? "oneOf" : "anyOf", i7]
    }));
    if (isExclusive) {
      json.oneOf = options;
    } else {
      json.anyOf = options;
    }
  };
  var intersectionProcessor = (schema, ctx2, json, params) => {
    const def = schema._zod.def;
    const a3 = processSchema(def.left, ctx2, {
      ...params,
      path: [...params.path, "allOf", 0]
    });
    const b3 = processSchema(def.right, ctx2, {
      ...params,
      path: [...params.path, "allOf", 1]
    });
    const isSimpleIntersection = (val) => "allOf" in val && Object.keys(val).length === 1;
    const allOf = [
      ...isSimpleIntersection(a3) ? a3.allOf : [a3],
      ...isSimpleIntersection(b3) ? b3.allOf : [b3]
    ];
    json.allOf = allOf;
    ctx2.intersections.push(allOf);
  };
  function stringifyKeyNames(bySchema, json, visited) {
    if (json.$ref) {
      if (visited.has(json))
        return json;
      visited.add(json);
      const def = bySchema.get(json)?.def;
      if (!def)
        return json;
      const inlined = stringifyKeyNames(bySchema, def, visited);
      return inlined === def ? json : inlined;
    }
    for (const keyword of ["anyOf", "oneOf"]) {
      const branches = json[keyword];
      if (!Array.isArray(branches))
        continue;
      const mapped = branches.map((branch) => stringifyKeyNames(bySchema, branch, visited));
      if (mapped.some((branch, i7) => branch !== branches[i7]))
        json = { ...json, [keyword]: mapped };
    }
    const types = Array.isArray(json.type) ? json.type : [json.type];
    const numericType = !types.includes("string") && types.some((t5) => t5 === "number" || t5 === "integer");
    const values = json.enum ?? (json.const !== void 0 ? [json.const] : void 0);
    if (!numericType && !values?.some((v3) => typeof v3 === "number"))
      return json;
    const { minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf, format, id: id2, ...rest } = json;
    if (rest.enum)
      rest.enum = rest.enum.map((v3) => typeof v3 === "number" ? String(v3) : v3);
    else if (typeof rest.const === "number")
      rest.const = String(rest.const);
    if (!numericType)
      return rest;
    rest.type = "string";
    if (!values)
      rest.pattern = (types.includes("number") ? number : integer).source;
    return rest;
  }
  var pendingRecords = /* @__PURE__ */ new WeakMap();
  function rewriteKeyNames(ctx2) {
    const bySchema = /* @__PURE__ */ new Map();
    for (const entry of ctx2.seen.values()) {
      if (entry.def && !bySchema.has(entry.schema))
        bySchema.set(entry.schema, entry);
    }
    const rewrites = /* @__PURE__ */ new Map();
    for (const record of pendingRecords.get(ctx2) ?? []) {
      const seen = ctx2.seen.get(record);
      const names = (seen?.def ?? seen?.schema)?.propertyNames;
      if (!names || names === true || rewrites.has(names))
        continue;
      const rewritten = stringifyKeyNames(bySchema, names, /* @__PURE__ */ new Set());
      if (rewritten !== names)
        rewrites.set(names, rewritten);
    }
    if (!rewrites.size)
      return;
    for (const entry of ctx2.seen.values()) {
      for (const carrier of [entry.schema, entry.def]) {
        const rewritten = carrier && rewrites.get(carrier.propertyNames);
        if (rewritten)
          carrier.propertyNames = rewritten;
      }
    }
  }
  var recordProcessor = (schema, ctx2, _json, params) => {
    const json = _json;
    const def = schema._zod.def;
    json.type = "object";
    const keyType = def.keyType;
    const patterns = aggregateChecks(keyType).patterns;
    if (def.mode === "loose" && patterns && patterns.size > 0) {
      const valueSchema = processSchema(def.valueType, ctx2, {
        ...params,
        path: [...params.path, "patternProperties", "*"]
      });
      json.patternProperties = {};
      for (const pattern of patterns) {
        assignProp(json.patternProperties, exactPattern(pattern).source, valueSchema);
      }
    } else {
      if (ctx2.target === "draft-07" || ctx2.target === "draft-2020-12") {
        json.propertyNames = processSchema(def.keyType, ctx2, {
          ...params,
          path: [...params.path, "propertyNames"]
        });
        let pending = pendingRecords.get(ctx2);
        if (!pending) {
          pending = [];
          pendingRecords.set(ctx2, pending);
          ctx2.deferred.push(() => rewriteKeyNames(ctx2));
        }
        pending.push(schema);
      }
      json.additionalProperties = processSchema(def.valueType, ctx2, {
        ...params,
        path: [...params.path, "additionalProperties"]
      });
    }
    const keyValues = keyType._zod.values;
    const omittableOnInput = ctx2.io === "input" && inputOptin(def.valueType) !== void 0;
    if (keyValues && !def.partial && !omittableOnInput) {
      const validKeyValues = [...keyValues].filter((v3) => typeof v3 === "string" || typeof v3 === "number");
      if (validKeyValues.length > 0) {
        json.required = validKeyValues.map(String);
      }
    }
  };
  var nullableProcessor = (schema, ctx2, json, params) => {
    const def = schema._zod.def;
    const inner = processSchema(def.innerType, ctx2, params);
    const seen = ctx2.seen.get(schema);
    if (ctx2.target === "openapi-3.0") {
      seen.ref = def.innerType;
      json.nullable = true;
    } else {
      json.anyOf = [inner, { type: "null" }];
    }
  };
  var nonoptionalProcessor = (schema, ctx2, _json, params) => {
    const def = schema._zod.def;
    processSchema(def.innerType, ctx2, params);
    const seen = ctx2.seen.get(schema);
    seen.ref = def.innerType;
  };
  var UNREPRESENTABLE_DEFAULT = /* @__PURE__ */ Symbol();
  function serializeDefaultValue(value, schema, ctx2, json, params) {
    let unrepresentable = false;
    const serialized = JSON.stringify(value, (_2, val) => {
      if (typeof val !== "bigint")
        return val;
      unrepresentable = true;
      return null;
    });
    if (!unrepresentable)
      return JSON.parse(serialized);
    handleUnrepresentable(schema, ctx2, json, params, "BigInt defaults cannot be represented in JSON Schema");
    return UNREPRESENTABLE_DEFAULT;
  }
  var defaultProcessor = (schema, ctx2, json, params) => {
    const def = schema._zod.def;
    processSchema(def.innerType, ctx2, params);
    const seen = ctx2.seen.get(schema);
    seen.ref = def.innerType;
    const value = serializeDefaultValue(def.defaultValue, schema, ctx2, json, params);
    if (value !== UNREPRESENTABLE_DEFAULT)
      json.default = value;
  };
  var prefaultProcessor = (schema, ctx2, json, params) => {
    const def = schema._zod.def;
    processSchema(def.innerType, ctx2, params);
    const seen = ctx2.seen.get(schema);
    seen.ref = def.innerType;
    if (ctx2.io !== "input")
      return;
    const value = serializeDefaultValue(def.defaultValue, schema, ctx2, json, params);
    if (value !== UNREPRESENTABLE_DEFAULT)
      json._prefault = value;
  };
  var catchProcessor = (schema, ctx2, json, params) => {
    const def = schema._zod.def;
    processSchema(def.innerType, ctx2, params);
    const seen = ctx2.seen.get(schema);
    seen.ref = def.innerType;
    let catchValue;
    try {
      catchValue = def.catchValue(void 0);
    } catch {
      handleUnrepresentable(schema, ctx2, json, params, "Dynamic catch values are not supported in JSON Schema");
      return;
    }
    json.default = catchValue;
  };
  var pipeProcessor = (schema, ctx2, _json, params) => {
    const def = schema._zod.def;
    const inIsTransform = def.in._zod.traits.has("$ZodTransform");
    const innerType = ctx2.io === "input" ? inIsTransform ? def.out : def.in : def.out;
    processSchema(innerType, ctx2, params);
    const seen = ctx2.seen.get(schema);
    seen.ref = innerType;
  };
  var readonlyProcessor = (schema, ctx2, json, params) => {
    const def = schema._zod.def;
    processSchema(def.innerType, ctx2, params);
    const seen = ctx2.seen.get(schema);
    seen.ref = def.innerType;
    json.readOnly = true;
  };
  var optionalProcessor = (schema, ctx2, _json, params) => {
    const def = schema._zod.def;
    processSchema(def.innerType, ctx2, params);
    const seen = ctx2.seen.get(schema);
    seen.ref = def.innerType;
  };

  // node_modules/zod/v4/classic/errors.js
  var _installedErrorProtos = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
  function _lazyMethod(proto, key, make) {
    Object.defineProperty(proto, key, {
      configurable: true,
      enumerable: false,
      get() {
        const value = make(this);
        Object.defineProperty(this, key, { value, configurable: true, writable: true });
        return value;
      },
      set(value) {
        Object.defineProperty(this, key, { value, configurable: true, writable: true });
      }
    });
  }
  var initializer2 = (inst, issues) => {
    $ZodError.init(inst, issues);
    inst.name = "ZodError";
    const proto = Object.getPrototypeOf(inst);
    if (_installedErrorProtos.has(proto))
      return;
    _installedErrorProtos.add(proto);
    _lazyMethod(proto, "format", (self) => (mapper) => formatError(self, mapper));
    _lazyMethod(proto, "flatten", (self) => (mapper) => flattenError(self, mapper));
    _lazyMethod(proto, "addIssue", (self) => (issue2) => {
      self.issues.push(issue2);
      self.message = JSON.stringify(self.issues, jsonStringifyReplacer, 2);
    });
    _lazyMethod(proto, "addIssues", (self) => (issues2) => {
      self.issues.push(...issues2);
      self.message = JSON.stringify(self.issues, jsonStringifyReplacer, 2);
    });
    Object.defineProperty(proto, "isEmpty", {
      configurable: true,
      enumerable: false,
      get() {
        return this.issues.length === 0;
      }
    });
  };
  var ZodRealError = /* @__PURE__ */ $constructor("ZodError", initializer2, void 0, {
    Parent: Error
  });

  // node_modules/zod/v4/classic/parse.js
  var parse = /* @__PURE__ */ _parse(ZodRealError);
  var parseAsync = /* @__PURE__ */ _parseAsync(ZodRealError);
  var safeParse = /* @__PURE__ */ _safeParse(ZodRealError);
  var safeParseAsync = /* @__PURE__ */ _safeParseAsync(ZodRealError);
  var encode = /* @__PURE__ */ _encode(ZodRealError);
  var decode = /* @__PURE__ */ _decode(ZodRealError);
  var encodeAsync = /* @__PURE__ */ _encodeAsync(ZodRealError);
  var decodeAsync = /* @__PURE__ */ _decodeAsync(ZodRealError);
  var safeEncode = /* @__PURE__ */ _safeEncode(ZodRealError);
  var safeDecode = /* @__PURE__ */ _safeDecode(ZodRealError);
  var safeEncodeAsync = /* @__PURE__ */ _safeEncodeAsync(ZodRealError);
  var safeDecodeAsync = /* @__PURE__ */ _safeDecodeAsync(ZodRealError);

  // node_modules/zod/v4/classic/schemas.js
  function _ensureDefaultLocale() {
    if (!globalConfig.localeError)
      config(en_default());
  }
  function _ensureDefaultMemoizer() {
    if (!globalConfig.memoizer)
      config({ memoizer: memoizer() });
  }
  var ZodType = /* @__PURE__ */ $constructor("ZodType", (inst, def) => {
    _ensureDefaultLocale();
    $ZodType.init(inst, def);
    inst.def = def;
    inst.type = def.type;
    return inst;
  }, {
    check(...chks) {
      const def = this.def;
      return this.clone(util_exports.mergeDefs(def, {
        checks: [
          ...def.checks ?? [],
          ...chks.map((ch) => typeof ch === "function" ? { _zod: { check: ch, def: { check: "custom" }, onattach: [] } } : ch)
        ]
      }), { parent: true });
    },
    with(...chks) {
      return this.check(...chks);
    },
    clone(def, params) {
      return clone(this, def, params);
    },
    brand() {
      return this;
    },
    register(reg, meta2) {
      reg.add(this, meta2);
      return this;
    },
    refine(check, params) {
      return this.check(refine(check, params));
    },
    superRefine(refinement, params) {
      return this.check(superRefine(refinement, params));
    },
    overwrite(fn) {
      return this.check(_overwrite(fn));
    },
    optional() {
      return optional(this);
    },
    exactOptional() {
      return exactOptional(this);
    },
    nullable() {
      return nullable(this);
    },
    nullish() {
      return optional(nullable(this));
    },
    nonoptional(params) {
      return nonoptional(this, params);
    },
    array() {
      return array(this);
    },
    or(arg) {
      return union([this, arg]);
    },
    and(arg) {
      return intersection(this, arg);
    },
    transform(tx) {
      return pipe(this, transform(tx));
    },
    default(d3) {
      return _default(this, d3);
    },
    prefault(d3) {
      return prefault(this, d3);
    },
    catch(params) {
      return _catch(this, params);
    },
    pipe(target) {
      return pipe(this, target);
    },
    readonly() {
      return readonly(this);
    },
    describe(description) {
      const cl = this.clone();
      globalRegistry.add(cl, { description });
      return cl;
    },
    meta(...args) {
      if (args.length === 0)
        return globalRegistry.get(this);
      const cl = this.clone();
      globalRegistry.add(cl, args[0]);
      return cl;
    },
    isOptional() {
      return this.safeParse(void 0).success;
    },
    isNullable() {
      return this.safeParse(null).success;
    },
    apply(fn, ...args) {
      return args.length === 0 ? fn(this) : fn(this, ...args);
    },
    // Overrides core's `~standard` to add `jsonSchema`. Must stay a prototype entry: redefining it per instance demotes instances to dictionary mode.
    get "~standard"() {
      return util_exports.hide(this, "~standard", {
        ...standardProps(this),
        jsonSchema: {
          input: createStandardJSONSchemaMethod(this, "input"),
          output: createStandardJSONSchemaMethod(this, "output")
        }
      });
    },
    set "~standard"(value) {
      util_exports.own(this, "~standard", value);
    },
    parse: function _parse2(data, params) {
      return parse(this, data, params, { callee: _parse2 });
    },
    parseAsync: async function _parseAsync2(data, params) {
      return await parseAsync(this, data, params, { callee: _parseAsync2 });
    },
    safeParse(data, params) {
      return safeParse(this, data, params);
    },
    async safeParseAsync(data, params) {
      return safeParseAsync(this, data, params);
    },
    // `spa` is an alias: same function object as `safeParseAsync`, as before.
    get spa() {
      return this?.safeParseAsync;
    },
    set spa(value) {
      util_exports.own(this, "spa", value);
    },
    validate(data, params) {
      return validate(this, data, params);
    },
    validateAsync(data, params) {
      return validateAsync(this, data, params);
    },
    encode: function _encode2(data, params) {
      return encode(this, data, params, { callee: _encode2 });
    },
    decode: function _decode2(data, params) {
      return decode(this, data, params, { callee: _decode2 });
    },
    encodeAsync: async function _encodeAsync2(data, params) {
      return await encodeAsync(this, data, params, { callee: _encodeAsync2 });
    },
    decodeAsync: async function _decodeAsync2(data, params) {
      return await decodeAsync(this, data, params, { callee: _decodeAsync2 });
    },
    safeEncode(data, params) {
      return safeEncode(this, data, params);
    },
    safeDecode(data, params) {
      return safeDecode(this, data, params);
    },
    async safeEncodeAsync(data, params) {
      return safeEncodeAsync(this, data, params);
    },
    async safeDecodeAsync(data, params) {
      return safeDecodeAsync(this, data, params);
    },
    toJSONSchema(params) {
      return createToJSONSchemaMethod(this, {})(params);
    },
    // Reads through to the registry on every access, so it must not cache.
    get description() {
      return globalRegistry.get(this)?.description;
    },
    // No setter: `schema._def = x` throws, as it did when `_def` was a non-writable own property.
    get _def() {
      return this._zod.def;
    }
  });
  var _ZodString = /* @__PURE__ */ $constructor(
    "_ZodString",
    (inst, def) => {
      $ZodString.init(inst, def);
      ZodType.init(inst, def);
      inst._zod.processJSONSchema = (ctx2, json, params) => stringProcessor(inst, ctx2, json, params);
    },
    /* @__PURE__ */ util_exports.derived({
      format: (inst) => aggregateChecks(inst).format ?? null,
      minLength: (inst) => aggregateChecks(inst).minimum ?? null,
      maxLength: (inst) => aggregateChecks(inst).maximum ?? null
    }, {
      regex(...args) {
        return this.check(_regex(...args));
      },
      includes(...args) {
        return this.check(_includes(...args));
      },
      startsWith(...args) {
        return this.check(_startsWith(...args));
      },
      endsWith(...args) {
        return this.check(_endsWith(...args));
      },
      min(...args) {
        return this.check(_minLength(...args));
      },
      max(...args) {
        return this.check(_maxLength(...args));
      },
      length(...args) {
        return this.check(_length(...args));
      },
      nonempty(...args) {
        return this.check(_minLength(1, ...args));
      },
      lowercase(params) {
        return this.check(_lowercase(params));
      },
      uppercase(params) {
        return this.check(_uppercase(params));
      },
      trim() {
        return this.check(_trim());
      },
      normalize(...args) {
        return this.check(_normalize(...args));
      },
      toLowerCase() {
        return this.check(_toLowerCase());
      },
      toUpperCase() {
        return this.check(_toUpperCase());
      },
      slugify() {
        return this.check(_slugify());
      }
    })
  );
  var ZodString = /* @__PURE__ */ $constructor("ZodString", (inst, def) => {
    $ZodString.init(inst, def);
    _ZodString.init(inst, def);
  }, {
    email(params) {
      return this.check(_email(ZodEmail, params));
    },
    url(params) {
      return this.check(_url(ZodURL, params));
    },
    jwt(params) {
      return this.check(_jwt(ZodJWT, params));
    },
    emoji(params) {
      return this.check(_emoji2(ZodEmoji, params));
    },
    guid(params) {
      return this.check(_guid(ZodGUID, params));
    },
    uuid(params) {
      return this.check(_uuid(ZodUUID, params));
    },
    uuidv4(params) {
      return this.check(_uuidv4(ZodUUID, params));
    },
    uuidv6(params) {
      return this.check(_uuidv6(ZodUUID, params));
    },
    uuidv7(params) {
      return this.check(_uuidv7(ZodUUID, params));
    },
    nanoid(params) {
      return this.check(_nanoid(ZodNanoID, params));
    },
    cuid(params) {
      return this.check(_cuid(ZodCUID, params));
    },
    cuid2(params) {
      return this.check(_cuid2(ZodCUID2, params));
    },
    ulid(params) {
      return this.check(_ulid(ZodULID, params));
    },
    base64(params) {
      return this.check(_base64(ZodBase64, params));
    },
    base64url(params) {
      return this.check(_base64url(ZodBase64URL, params));
    },
    xid(params) {
      return this.check(_xid(ZodXID, params));
    },
    ksuid(params) {
      return this.check(_ksuid(ZodKSUID, params));
    },
    ipv4(params) {
      return this.check(_ipv4(ZodIPv4, params));
    },
    ipv6(params) {
      return this.check(_ipv6(ZodIPv6, params));
    },
    cidrv4(params) {
      return this.check(_cidrv4(ZodCIDRv4, params));
    },
    cidrv6(params) {
      return this.check(_cidrv6(ZodCIDRv6, params));
    },
    e164(params) {
      return this.check(_e164(ZodE164, params));
    },
    datetime(params) {
      return this.check(_isoDateTime(ZodISODateTime, params));
    },
    date(params) {
      return this.check(_isoDate(ZodISODate, params));
    },
    time(params) {
      return this.check(_isoTime(ZodISOTime, params));
    },
    duration(params) {
      return this.check(_isoDuration(ZodISODuration, params));
    }
  });
  function string2(params) {
    return _string(ZodString, params);
  }
  var ZodStringFormat = /* @__PURE__ */ $constructor("ZodStringFormat", (inst, def) => {
    $ZodStringFormat.init(inst, def);
    _ZodString.init(inst, def);
  });
  var ZodISODateTime = /* @__PURE__ */ $constructor("ZodISODateTime", (inst, def) => {
    $ZodISODateTime.init(inst, def);
    ZodStringFormat.init(inst, def);
  });
  var ZodISODate = /* @__PURE__ */ $constructor("ZodISODate", (inst, def) => {
    $ZodISODate.init(inst, def);
    ZodStringFormat.init(inst, def);
  });
  var ZodISOTime = /* @__PURE__ */ $constructor("ZodISOTime", (inst, def) => {
    $ZodISOTime.init(inst, def);
    ZodStringFormat.init(inst, def);
  });
  var ZodISODuration = /* @__PURE__ */ $constructor("ZodISODuration", (inst, def) => {
    $ZodISODuration.init(inst, def);
    ZodStringFormat.init(inst, def);
  });
  var ZodEmail = /* @__PURE__ */ $constructor("ZodEmail", (inst, def) => {
    $ZodEmail.init(inst, def);
    ZodStringFormat.init(inst, def);
  });
  var ZodGUID = /* @__PURE__ */ $constructor("ZodGUID", (inst, def) => {
    $ZodGUID.init(inst, def);
    ZodStringFormat.init(inst, def);
  });
  var ZodUUID = /* @__PURE__ */ $constructor("ZodUUID", (inst, def) => {
    $ZodUUID.init(inst, def);
    ZodStringFormat.init(inst, def);
  });
  var ZodURL = /* @__PURE__ */ $constructor("ZodURL", (inst, def) => {
    $ZodURL.init(inst, def);
    ZodStringFormat.init(inst, def);
  });
  var ZodEmoji = /* @__PURE__ */ $constructor("ZodEmoji", (inst, def) => {
    $ZodEmoji.init(inst, def);
    ZodStringFormat.init(inst, def);
  });
  var ZodNanoID = /* @__PURE__ */ $constructor("ZodNanoID", (inst, def) => {
    $ZodNanoID.init(inst, def);
    ZodStringFormat.init(inst, def);
  });
  var ZodCUID = /* @__PURE__ */ $constructor("ZodCUID", (inst, def) => {
    $ZodCUID.init(inst, def);
    ZodStringFormat.init(inst, def);
  });
  var ZodCUID2 = /* @__PURE__ */ $constructor("ZodCUID2", (inst, def) => {
    $ZodCUID2.init(inst, def);
    ZodStringFormat.init(inst, def);
  });
  var ZodULID = /* @__PURE__ */ $constructor("ZodULID", (inst, def) => {
    $ZodULID.init(inst, def);
    ZodStringFormat.init(inst, def);
  });
  var ZodXID = /* @__PURE__ */ $constructor("ZodXID", (inst, def) => {
    $ZodXID.init(inst, def);
    ZodStringFormat.init(inst, def);
  });
  var ZodKSUID = /* @__PURE__ */ $constructor("ZodKSUID", (inst, def) => {
    $ZodKSUID.init(inst, def);
    ZodStringFormat.init(inst, def);
  });
  var ZodIPv4 = /* @__PURE__ */ $constructor("ZodIPv4", (inst, def) => {
    $ZodIPv4.init(inst, def);
    ZodStringFormat.init(inst, def);
  });
  var ZodIPv6 = /* @__PURE__ */ $constructor("ZodIPv6", (inst, def) => {
    $ZodIPv6.init(inst, def);
    ZodStringFormat.init(inst, def);
  });
  var ZodCIDRv4 = /* @__PURE__ */ $constructor("ZodCIDRv4", (inst, def) => {
    $ZodCIDRv4.init(inst, def);
    ZodStringFormat.init(inst, def);
  });
  var ZodCIDRv6 = /* @__PURE__ */ $constructor("ZodCIDRv6", (inst, def) => {
    $ZodCIDRv6.init(inst, def);
    ZodStringFormat.init(inst, def);
  });
  var ZodBase64 = /* @__PURE__ */ $constructor("ZodBase64", (inst, def) => {
    $ZodBase64.init(inst, def);
    ZodStringFormat.init(inst, def);
  });
  var ZodBase64URL = /* @__PURE__ */ $constructor("ZodBase64URL", (inst, def) => {
    $ZodBase64URL.init(inst, def);
    ZodStringFormat.init(inst, def);
  });
  var ZodE164 = /* @__PURE__ */ $constructor("ZodE164", (inst, def) => {
    $ZodE164.init(inst, def);
    ZodStringFormat.init(inst, def);
  });
  var ZodJWT = /* @__PURE__ */ $constructor("ZodJWT", (inst, def) => {
    $ZodJWT.init(inst, def);
    ZodStringFormat.init(inst, def);
  });
  var ZodNumber = /* @__PURE__ */ $constructor(
    "ZodNumber",
    (inst, def) => {
      $ZodNumber.init(inst, def);
      ZodType.init(inst, def);
      inst._zod.processJSONSchema = (ctx2, json, params) => numberProcessor(inst, ctx2, json, params);
      inst.isFinite = true;
    },
    /* @__PURE__ */ util_exports.derived({
      minValue: (inst) => {
        const { minimum, exclusiveMinimum } = aggregateChecks(inst);
        return Math.max(minimum ?? Number.NEGATIVE_INFINITY, exclusiveMinimum ?? Number.NEGATIVE_INFINITY);
      },
      maxValue: (inst) => {
        const { maximum, exclusiveMaximum } = aggregateChecks(inst);
        return Math.min(maximum ?? Number.POSITIVE_INFINITY, exclusiveMaximum ?? Number.POSITIVE_INFINITY);
      },
      isInt: (inst) => {
        const { isInt, multipleOf } = aggregateChecks(inst);
        return !!isInt || !!multipleOf?.some(Number.isSafeInteger);
      },
      format: (inst) => aggregateChecks(inst).format ?? null
    }, {
      gt(value, params) {
        return this.check(_gt(value, params));
      },
      gte(value, params) {
        return this.check(_gte(value, params));
      },
      min(value, params) {
        return this.check(_gte(value, params));
      },
      lt(value, params) {
        return this.check(_lt(value, params));
      },
      lte(value, params) {
        return this.check(_lte(value, params));
      },
      max(value, params) {
        return this.check(_lte(value, params));
      },
      int(params) {
        return this.check(int(params));
      },
      safe(params) {
        return this.check(int(params));
      },
      positive(params) {
        return this.check(_gt(0, params));
      },
      nonnegative(params) {
        return this.check(_gte(0, params));
      },
      negative(params) {
        return this.check(_lt(0, params));
      },
      nonpositive(params) {
        return this.check(_lte(0, params));
      },
      multipleOf(value, params) {
        return this.check(_multipleOf(value, params));
      },
      step(value, params) {
        return this.check(_multipleOf(value, params));
      },
      finite() {
        return this;
      }
    })
  );
  function number2(params) {
    return _number(ZodNumber, params);
  }
  var ZodNumberFormat = /* @__PURE__ */ $constructor("ZodNumberFormat", (inst, def) => {
    $ZodNumberFormat.init(inst, def);
    ZodNumber.init(inst, def);
  });
  function int(params) {
    return _int(ZodNumberFormat, params);
  }
  var ZodBoolean = /* @__PURE__ */ $constructor("ZodBoolean", (inst, def) => {
    $ZodBoolean.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx2, json, params) => booleanProcessor(inst, ctx2, json, params);
  });
  function boolean2(params) {
    return _boolean(ZodBoolean, params);
  }
  var ZodNull = /* @__PURE__ */ $constructor("ZodNull", (inst, def) => {
    $ZodNull.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx2, json, params) => nullProcessor(inst, ctx2, json, params);
  });
  function _null3(params) {
    return _null2(ZodNull, params);
  }
  var ZodUnknown = /* @__PURE__ */ $constructor("ZodUnknown", (inst, def) => {
    $ZodUnknown.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx2, json, params) => unknownProcessor(inst, ctx2, json, params);
  });
  function unknown() {
    return _unknown(ZodUnknown);
  }
  var ZodNever = /* @__PURE__ */ $constructor("ZodNever", (inst, def) => {
    $ZodNever.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx2, json, params) => neverProcessor(inst, ctx2, json, params);
  });
  function never(params) {
    return _never(ZodNever, params);
  }
  var ZodArray = /* @__PURE__ */ $constructor("ZodArray", (inst, def) => {
    _ensureDefaultMemoizer();
    $ZodArray.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx2, json, params) => arrayProcessor(inst, ctx2, json, params);
    inst.element = def.element;
  }, {
    min(n6, params) {
      return this.check(_minLength(n6, params));
    },
    nonempty(params) {
      return this.check(_minLength(1, params));
    },
    max(n6, params) {
      return this.check(_maxLength(n6, params));
    },
    length(n6, params) {
      return this.check(_length(n6, params));
    },
    unwrap() {
      return this.element;
    }
  });
  function array(element, params) {
    return _array(ZodArray, element, params);
  }
  var ZodObject = /* @__PURE__ */ $constructor("ZodObject", (inst, def) => {
    _ensureDefaultMemoizer();
    $ZodObjectJIT.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx2, json, params) => objectProcessor(inst, ctx2, json, params);
    util_exports.installLazyProp(inst, "shape", (self) => self._zod.def.shape, false);
  }, {
    keyof() {
      return _enum(Object.keys(this._zod.def.shape));
    },
    catchall(catchall) {
      return this.clone(util_exports.mergeDefs(this._zod.def, { catchall }));
    },
    passthrough() {
      return this.clone(util_exports.mergeDefs(this._zod.def, { catchall: unknown() }));
    },
    loose() {
      return this.clone(util_exports.mergeDefs(this._zod.def, { catchall: unknown() }));
    },
    strict() {
      return this.clone(util_exports.mergeDefs(this._zod.def, { catchall: never() }));
    },
    strip() {
      return this.clone(util_exports.mergeDefs(this._zod.def, { catchall: void 0 }));
    },
    extend(incoming) {
      return util_exports.extend(this, incoming);
    },
    safeExtend(incoming) {
      return util_exports.safeExtend(this, incoming);
    },
    merge(other) {
      return util_exports.merge(this, other);
    },
    pick(mask) {
      return util_exports.pick(this, mask);
    },
    omit(mask) {
      return util_exports.omit(this, mask);
    },
    partial(...args) {
      return util_exports.partial(ZodOptional, this, args[0]);
    },
    exactPartial(...args) {
      return util_exports.partial(ZodExactOptional, this, args[0], "exactPartial");
    },
    required(...args) {
      return util_exports.required(ZodNonOptional, this, args[0]);
    }
  });
  function object(shape, params) {
    const def = {
      type: "object",
      shape: shape ?? {},
      ...util_exports.normalizeParams(params)
    };
    return new ZodObject(def);
  }
  var ZodUnion = /* @__PURE__ */ $constructor("ZodUnion", (inst, def) => {
    $ZodUnion.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx2, json, params) => unionProcessor(inst, ctx2, json, params);
    inst.options = def.options;
  });
  function union(options, params) {
    return new ZodUnion({
      type: "union",
      options,
      ...util_exports.normalizeParams(params)
    });
  }
  var ZodDiscriminatedUnion = /* @__PURE__ */ $constructor("ZodDiscriminatedUnion", (inst, def) => {
    ZodUnion.init(inst, def);
    $ZodDiscriminatedUnion.init(inst, def);
  });
  function discriminatedUnion(discriminator, options, params) {
    return new ZodDiscriminatedUnion({
      type: "union",
      options,
      discriminator,
      ...util_exports.normalizeParams(params)
    });
  }
  var ZodIntersection = /* @__PURE__ */ $constructor("ZodIntersection", (inst, def) => {
    $ZodIntersection.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx2, json, params) => intersectionProcessor(inst, ctx2, json, params);
  });
  function intersection(left, right) {
    return new ZodIntersection({
      type: "intersection",
      left,
      right
    });
  }
  var ZodRecord = /* @__PURE__ */ $constructor("ZodRecord", (inst, def) => {
    _ensureDefaultMemoizer();
    $ZodRecord.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx2, json, params) => recordProcessor(inst, ctx2, json, params);
    inst.keyType = def.keyType;
    inst.valueType = def.valueType;
  });
  function partialRecord(keyType, valueType, params) {
    return new ZodRecord({
      type: "record",
      keyType,
      valueType,
      ...util_exports.normalizeParams(params),
      partial: true
    });
  }
  var ZodEnum = /* @__PURE__ */ $constructor("ZodEnum", (inst, def) => {
    $ZodEnum.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx2, json, params) => enumProcessor(inst, ctx2, json, params);
    inst.enum = def.entries;
    inst.options = [...inst._zod.values];
    const keys = new Set(Object.keys(def.entries));
    inst.extract = (values, params) => {
      const newEntries = {};
      for (const value of values) {
        if (keys.has(value)) {
          newEntries[value] = def.entries[value];
        } else
          throw new Error(`Key ${value} not found in enum`);
      }
      return new ZodEnum({
        ...def,
        checks: [],
        ...util_exports.normalizeParams(params),
        entries: newEntries
      });
    };
    inst.exclude = (values, params) => {
      const newEntries = { ...def.entries };
      for (const value of values) {
        if (keys.has(value)) {
          delete newEntries[value];
        } else
          throw new Error(`Key ${value} not found in enum`);
      }
      return new ZodEnum({
        ...def,
        checks: [],
        ...util_exports.normalizeParams(params),
        entries: newEntries
      });
    };
  });
  function _enum(values, params) {
    const entries = Array.isArray(values) ? Object.fromEntries(values.map((v3) => [v3, v3])) : values;
    return new ZodEnum({
      type: "enum",
      entries,
      ...util_exports.normalizeParams(params)
    });
  }
  var ZodLiteral = /* @__PURE__ */ $constructor("ZodLiteral", (inst, def) => {
    $ZodLiteral.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx2, json, params) => literalProcessor(inst, ctx2, json, params);
    inst.values = new Set(def.values);
    Object.defineProperty(inst, "value", {
      get() {
        if (def.values.length > 1) {
          throw new Error("This schema contains multiple valid literal values. Use `.values` instead.");
        }
        return def.values[0];
      }
    });
  });
  function literal(value, params) {
    return new ZodLiteral({
      type: "literal",
      values: Array.isArray(value) ? value : [value],
      ...util_exports.normalizeParams(params)
    });
  }
  var ZodTransform = /* @__PURE__ */ $constructor("ZodTransform", (inst, def) => {
    _ensureDefaultMemoizer();
    $ZodTransform.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx2, json, params) => transformProcessor(inst, ctx2, json, params);
    inst._zod.parse = (payload, _ctx) => {
      if (_ctx.direction === "backward") {
        throw new $ZodEncodeError(inst.constructor.name);
      }
      payload.addIssue = (issue2) => {
        if (typeof issue2 === "string") {
          payload.issues.push(util_exports.issue(issue2, payload.value, def));
        } else {
          const _issue = issue2;
          if (_issue.fatal)
            _issue.continue = false;
          _issue.code ?? (_issue.code = "custom");
          if (!("input" in _issue))
            _issue.input = payload.value;
          _issue.inst ?? (_issue.inst = inst);
          payload.issues.push(util_exports.issue(_issue));
        }
      };
      const output = def.transform(payload.value, payload);
      if (output instanceof Promise) {
        return output.then((output2) => {
          payload.value = output2;
          return payload;
        });
      }
      payload.value = output;
      return payload;
    };
  });
  function transform(fn) {
    return new ZodTransform({
      type: "transform",
      transform: fn
    });
  }
  var ZodOptional = /* @__PURE__ */ $constructor("ZodOptional", (inst, def) => {
    $ZodOptional.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx2, json, params) => optionalProcessor(inst, ctx2, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
  });
  function optional(innerType) {
    return new ZodOptional({
      type: "optional",
      innerType
    });
  }
  var ZodExactOptional = /* @__PURE__ */ $constructor("ZodExactOptional", (inst, def) => {
    $ZodExactOptional.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx2, json, params) => optionalProcessor(inst, ctx2, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
  });
  function exactOptional(innerType) {
    return new ZodExactOptional({
      type: "optional",
      innerType
    });
  }
  var ZodNullable = /* @__PURE__ */ $constructor("ZodNullable", (inst, def) => {
    $ZodNullable.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx2, json, params) => nullableProcessor(inst, ctx2, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
  });
  function nullable(innerType) {
    return new ZodNullable({
      type: "nullable",
      innerType
    });
  }
  var ZodDefault = /* @__PURE__ */ $constructor("ZodDefault", (inst, def) => {
    $ZodDefault.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx2, json, params) => defaultProcessor(inst, ctx2, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
    inst.removeDefault = inst.unwrap;
  });
  function _default(innerType, defaultValue) {
    return new ZodDefault({
      type: "default",
      innerType,
      get defaultValue() {
        return typeof defaultValue === "function" ? defaultValue() : util_exports.shallowClone(defaultValue);
      }
    });
  }
  var ZodPrefault = /* @__PURE__ */ $constructor("ZodPrefault", (inst, def) => {
    $ZodPrefault.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx2, json, params) => prefaultProcessor(inst, ctx2, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
  });
  function prefault(innerType, defaultValue) {
    return new ZodPrefault({
      type: "prefault",
      innerType,
      get defaultValue() {
        return typeof defaultValue === "function" ? defaultValue() : util_exports.shallowClone(defaultValue);
      }
    });
  }
  var ZodNonOptional = /* @__PURE__ */ $constructor("ZodNonOptional", (inst, def) => {
    $ZodNonOptional.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx2, json, params) => nonoptionalProcessor(inst, ctx2, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
  });
  function nonoptional(innerType, params) {
    return new ZodNonOptional({
      type: "nonoptional",
      innerType,
      ...util_exports.normalizeParams(params)
    });
  }
  var ZodCatch = /* @__PURE__ */ $constructor("ZodCatch", (inst, def) => {
    $ZodCatch.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx2, json, params) => catchProcessor(inst, ctx2, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
    inst.removeCatch = inst.unwrap;
  });
  function _catch(innerType, catchValue) {
    return new ZodCatch({
      type: "catch",
      innerType,
      catchValue: typeof catchValue === "function" ? catchValue : util_exports.constantCatch(catchValue)
    });
  }
  var ZodPipe = /* @__PURE__ */ $constructor("ZodPipe", (inst, def) => {
    $ZodPipe.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx2, json, params) => pipeProcessor(inst, ctx2, json, params);
    inst.in = def.in;
    inst.out = def.out;
  });
  function pipe(in_, out) {
    return new ZodPipe({
      type: "pipe",
      in: in_,
      out
      // ...util.normalizeParams(params),
    });
  }
  var ZodReadonly = /* @__PURE__ */ $constructor("ZodReadonly", (inst, def) => {
    $ZodReadonly.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx2, json, params) => readonlyProcessor(inst, ctx2, json, params);
    inst.unwrap = () => inst._zod.def.innerType;
  });
  function readonly(innerType) {
    return new ZodReadonly({
      type: "readonly",
      innerType
    });
  }
  var ZodCustom = /* @__PURE__ */ $constructor("ZodCustom", (inst, def) => {
    $ZodCustom.init(inst, def);
    ZodType.init(inst, def);
    inst._zod.processJSONSchema = (ctx2, json, params) => customProcessor(inst, ctx2, json, params);
  });
  function refine(fn, _params = {}) {
    return _refine(ZodCustom, fn, _params);
  }
  function superRefine(fn, params) {
    return _superRefine(fn, params);
  }

  // node_modules/@lit/reactive-element/css-tag.js
  var t = globalThis;
  var e = t.ShadowRoot && (void 0 === t.ShadyCSS || t.ShadyCSS.nativeShadow) && "adoptedStyleSheets" in Document.prototype && "replace" in CSSStyleSheet.prototype;
  var s = /* @__PURE__ */ Symbol();
  var o = /* @__PURE__ */ new WeakMap();
  var n = class {
    constructor(t5, e8, o8) {
      if (this._$cssResult$ = true, o8 !== s) throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");
      this.cssText = t5, this.t = e8;
    }
    get styleSheet() {
      let t5 = this.o;
      const s5 = this.t;
      if (e && void 0 === t5) {
        const e8 = void 0 !== s5 && 1 === s5.length;
        e8 && (t5 = o.get(s5)), void 0 === t5 && ((this.o = t5 = new CSSStyleSheet()).replaceSync(this.cssText), e8 && o.set(s5, t5));
      }
      return t5;
    }
    toString() {
      return this.cssText;
    }
  };
  var r = (t5) => new n("string" == typeof t5 ? t5 : t5 + "", void 0, s);
  var i = (t5, ...e8) => {
    const o8 = 1 === t5.length ? t5[0] : e8.reduce((e9, s5, o9) => e9 + ((t6) => {
      if (true === t6._$cssResult$) return t6.cssText;
      if ("number" == typeof t6) return t6;
      throw Error("Value passed to 'css' function must be a 'css' function result: " + t6 + ". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.");
    })(s5) + t5[o9 + 1], t5[0]);
    return new n(o8, t5, s);
  };
  var S = (s5, o8) => {
    if (e) s5.adoptedStyleSheets = o8.map((t5) => t5 instanceof CSSStyleSheet ? t5 : t5.styleSheet);
    else for (const e8 of o8) {
      const o9 = document.createElement("style"), n6 = t.litNonce;
      void 0 !== n6 && o9.setAttribute("nonce", n6), o9.textContent = e8.cssText, s5.appendChild(o9);
    }
  };
  var c = e ? (t5) => t5 : (t5) => t5 instanceof CSSStyleSheet ? ((t6) => {
    let e8 = "";
    for (const s5 of t6.cssRules) e8 += s5.cssText;
    return r(e8);
  })(t5) : t5;

  // node_modules/@lit/reactive-element/reactive-element.js
  var { is: i2, defineProperty: e2, getOwnPropertyDescriptor: h, getOwnPropertyNames: r2, getOwnPropertySymbols: o2, getPrototypeOf: n2 } = Object;
  var a = globalThis;
  var c2 = a.trustedTypes;
  var l = c2 ? c2.emptyScript : "";
  var p = a.reactiveElementPolyfillSupport;
  var d = (t5, s5) => t5;
  var u = { toAttribute(t5, s5) {
    switch (s5) {
      case Boolean:
        t5 = t5 ? l : null;
        break;
      case Object:
      case Array:
        t5 = null == t5 ? t5 : JSON.stringify(t5);
    }
    return t5;
  }, fromAttribute(t5, s5) {
    let i7 = t5;
    switch (s5) {
      case Boolean:
        i7 = null !== t5;
        break;
      case Number:
        i7 = null === t5 ? null : Number(t5);
        break;
      case Object:
      case Array:
        try {
          i7 = JSON.parse(t5);
        } catch (t6) {
          i7 = null;
        }
    }
    return i7;
  } };
  var f = (t5, s5) => !i2(t5, s5);
  var b = { attribute: true, type: String, converter: u, reflect: false, useDefault: false, hasChanged: f };
  Symbol.metadata ??= /* @__PURE__ */ Symbol("metadata"), a.litPropertyMetadata ??= /* @__PURE__ */ new WeakMap();
  var y = class extends HTMLElement {
    static addInitializer(t5) {
      this._$Ei(), (this.l ??= []).push(t5);
    }
    static get observedAttributes() {
      return this.finalize(), this._$Eh && [...this._$Eh.keys()];
    }
    static createProperty(t5, s5 = b) {
      if (s5.state && (s5.attribute = false), this._$Ei(), this.prototype.hasOwnProperty(t5) && ((s5 = Object.create(s5)).wrapped = true), this.elementProperties.set(t5, s5), !s5.noAccessor) {
        const i7 = /* @__PURE__ */ Symbol(), h5 = this.getPropertyDescriptor(t5, i7, s5);
        void 0 !== h5 && e2(this.prototype, t5, h5);
      }
    }
    static getPropertyDescriptor(t5, s5, i7) {
      const { get: e8, set: r6 } = h(this.prototype, t5) ?? { get() {
        return this[s5];
      }, set(t6) {
        this[s5] = t6;
      } };
      return { get: e8, set(s6) {
        const h5 = e8?.call(this);
        r6?.call(this, s6), this.requestUpdate(t5, h5, i7);
      }, configurable: true, enumerable: true };
    }
    static getPropertyOptions(t5) {
      return this.elementProperties.get(t5) ?? b;
    }
    static _$Ei() {
      if (this.hasOwnProperty(d("elementProperties"))) return;
      const t5 = n2(this);
      t5.finalize(), void 0 !== t5.l && (this.l = [...t5.l]), this.elementProperties = new Map(t5.elementProperties);
    }
    static finalize() {
      if (this.hasOwnProperty(d("finalized"))) return;
      if (this.finalized = true, this._$Ei(), this.hasOwnProperty(d("properties"))) {
        const t6 = this.properties, s5 = [...r2(t6), ...o2(t6)];
        for (const i7 of s5) this.createProperty(i7, t6[i7]);
      }
      const t5 = this[Symbol.metadata];
      if (null !== t5) {
        const s5 = litPropertyMetadata.get(t5);
        if (void 0 !== s5) for (const [t6, i7] of s5) this.elementProperties.set(t6, i7);
      }
      this._$Eh = /* @__PURE__ */ new Map();
      for (const [t6, s5] of this.elementProperties) {
        const i7 = this._$Eu(t6, s5);
        void 0 !== i7 && this._$Eh.set(i7, t6);
      }
      this.elementStyles = this.finalizeStyles(this.styles);
    }
    static finalizeStyles(s5) {
      const i7 = [];
      if (Array.isArray(s5)) {
        const e8 = new Set(s5.flat(1 / 0).reverse());
        for (const s6 of e8) i7.unshift(c(s6));
      } else void 0 !== s5 && i7.push(c(s5));
      return i7;
    }
    static _$Eu(t5, s5) {
      const i7 = s5.attribute;
      return false === i7 ? void 0 : "string" == typeof i7 ? i7 : "string" == typeof t5 ? t5.toLowerCase() : void 0;
    }
    constructor() {
      super(), this._$Ep = void 0, this.isUpdatePending = false, this.hasUpdated = false, this._$Em = null, this._$Ev();
    }
    _$Ev() {
      this._$ES = new Promise((t5) => this.enableUpdating = t5), this._$AL = /* @__PURE__ */ new Map(), this._$E_(), this.requestUpdate(), this.constructor.l?.forEach((t5) => t5(this));
    }
    addController(t5) {
      (this._$EO ??= /* @__PURE__ */ new Set()).add(t5), void 0 !== this.renderRoot && this.isConnected && t5.hostConnected?.();
    }
    removeController(t5) {
      this._$EO?.delete(t5);
    }
    _$E_() {
      const t5 = /* @__PURE__ */ new Map(), s5 = this.constructor.elementProperties;
      for (const i7 of s5.keys()) this.hasOwnProperty(i7) && (t5.set(i7, this[i7]), delete this[i7]);
      t5.size > 0 && (this._$Ep = t5);
    }
    createRenderRoot() {
      const t5 = this.shadowRoot ?? this.attachShadow(this.constructor.shadowRootOptions);
      return S(t5, this.constructor.elementStyles), t5;
    }
    connectedCallback() {
      this.renderRoot ??= this.createRenderRoot(), this.enableUpdating(true), this._$EO?.forEach((t5) => t5.hostConnected?.());
    }
    enableUpdating(t5) {
    }
    disconnectedCallback() {
      this._$EO?.forEach((t5) => t5.hostDisconnected?.());
    }
    attributeChangedCallback(t5, s5, i7) {
      this._$AK(t5, i7);
    }
    _$ET(t5, s5) {
      const i7 = this.constructor.elementProperties.get(t5), e8 = this.constructor._$Eu(t5, i7);
      if (void 0 !== e8 && true === i7.reflect) {
        const h5 = (void 0 !== i7.converter?.toAttribute ? i7.converter : u).toAttribute(s5, i7.type);
        this._$Em = t5, null == h5 ? this.removeAttribute(e8) : this.setAttribute(e8, h5), this._$Em = null;
      }
    }
    _$AK(t5, s5) {
      const i7 = this.constructor, e8 = i7._$Eh.get(t5);
      if (void 0 !== e8 && this._$Em !== e8) {
        const t6 = i7.getPropertyOptions(e8), h5 = "function" == typeof t6.converter ? { fromAttribute: t6.converter } : void 0 !== t6.converter?.fromAttribute ? t6.converter : u;
        this._$Em = e8;
        const r6 = h5.fromAttribute(s5, t6.type);
        this[e8] = r6 ?? this._$Ej?.get(e8) ?? r6, this._$Em = null;
      }
    }
    requestUpdate(t5, s5, i7, e8 = false, h5) {
      if (void 0 !== t5) {
        const r6 = this.constructor;
        if (false === e8 && (h5 = this[t5]), i7 ??= r6.getPropertyOptions(t5), !((i7.hasChanged ?? f)(h5, s5) || i7.useDefault && i7.reflect && h5 === this._$Ej?.get(t5) && !this.hasAttribute(r6._$Eu(t5, i7)))) return;
        this.C(t5, s5, i7);
      }
      false === this.isUpdatePending && (this._$ES = this._$EP());
    }
    C(t5, s5, { useDefault: i7, reflect: e8, wrapped: h5 }, r6) {
      i7 && !(this._$Ej ??= /* @__PURE__ */ new Map()).has(t5) && (this._$Ej.set(t5, r6 ?? s5 ?? this[t5]), true !== h5 || void 0 !== r6) || (this._$AL.has(t5) || (this.hasUpdated || i7 || (s5 = void 0), this._$AL.set(t5, s5)), true === e8 && this._$Em !== t5 && (this._$Eq ??= /* @__PURE__ */ new Set()).add(t5));
    }
    async _$EP() {
      this.isUpdatePending = true;
      try {
        await this._$ES;
      } catch (t6) {
        Promise.reject(t6);
      }
      const t5 = this.scheduleUpdate();
      return null != t5 && await t5, !this.isUpdatePending;
    }
    scheduleUpdate() {
      return this.performUpdate();
    }
    performUpdate() {
      if (!this.isUpdatePending) return;
      if (!this.hasUpdated) {
        if (this.renderRoot ??= this.createRenderRoot(), this._$Ep) {
          for (const [t7, s6] of this._$Ep) this[t7] = s6;
          this._$Ep = void 0;
        }
        const t6 = this.constructor.elementProperties;
        if (t6.size > 0) for (const [s6, i7] of t6) {
          const { wrapped: t7 } = i7, e8 = this[s6];
          true !== t7 || this._$AL.has(s6) || void 0 === e8 || this.C(s6, void 0, i7, e8);
        }
      }
      let t5 = false;
      const s5 = this._$AL;
      try {
        t5 = this.shouldUpdate(s5), t5 ? (this.willUpdate(s5), this._$EO?.forEach((t6) => t6.hostUpdate?.()), this.update(s5)) : this._$EM();
      } catch (s6) {
        throw t5 = false, this._$EM(), s6;
      }
      t5 && this._$AE(s5);
    }
    willUpdate(t5) {
    }
    _$AE(t5) {
      this._$EO?.forEach((t6) => t6.hostUpdated?.()), this.hasUpdated || (this.hasUpdated = true, this.firstUpdated(t5)), this.updated(t5);
    }
    _$EM() {
      this._$AL = /* @__PURE__ */ new Map(), this.isUpdatePending = false;
    }
    get updateComplete() {
      return this.getUpdateComplete();
    }
    getUpdateComplete() {
      return this._$ES;
    }
    shouldUpdate(t5) {
      return true;
    }
    update(t5) {
      this._$Eq &&= this._$Eq.forEach((t6) => this._$ET(t6, this[t6])), this._$EM();
    }
    updated(t5) {
    }
    firstUpdated(t5) {
    }
  };
  y.elementStyles = [], y.shadowRootOptions = { mode: "open" }, y[d("elementProperties")] = /* @__PURE__ */ new Map(), y[d("finalized")] = /* @__PURE__ */ new Map(), p?.({ ReactiveElement: y }), (a.reactiveElementVersions ??= []).push("2.1.2");

  // node_modules/lit-html/lit-html.js
  var t2 = globalThis;
  var i3 = (t5) => t5;
  var s2 = t2.trustedTypes;
  var e3 = s2 ? s2.createPolicy("lit-html", { createHTML: (t5) => t5 }) : void 0;
  var h2 = "$lit$";
  var o3 = `lit$${Math.random().toFixed(9).slice(2)}$`;
  var n3 = "?" + o3;
  var r3 = `<${n3}>`;
  var l2 = document;
  var c3 = () => l2.createComment("");
  var a2 = (t5) => null === t5 || "object" != typeof t5 && "function" != typeof t5;
  var u2 = Array.isArray;
  var d2 = (t5) => u2(t5) || "function" == typeof t5?.[Symbol.iterator];
  var f2 = "[ 	\n\f\r]";
  var v = /<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g;
  var _ = /-->/g;
  var m = />/g;
  var p2 = RegExp(`>|${f2}(?:([^\\s"'>=/]+)(${f2}*=${f2}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`, "g");
  var g = /'/g;
  var $ = /"/g;
  var y2 = /^(?:script|style|textarea|title)$/i;
  var x = (t5) => (i7, ...s5) => ({ _$litType$: t5, strings: i7, values: s5 });
  var b2 = x(1);
  var w = x(2);
  var T = x(3);
  var E = /* @__PURE__ */ Symbol.for("lit-noChange");
  var A = /* @__PURE__ */ Symbol.for("lit-nothing");
  var C = /* @__PURE__ */ new WeakMap();
  var P = l2.createTreeWalker(l2, 129);
  function V(t5, i7) {
    if (!u2(t5) || !t5.hasOwnProperty("raw")) throw Error("invalid template strings array");
    return void 0 !== e3 ? e3.createHTML(i7) : i7;
  }
  var N = (t5, i7) => {
    const s5 = t5.length - 1, e8 = [];
    let n6, l3 = 2 === i7 ? "<svg>" : 3 === i7 ? "<math>" : "", c5 = v;
    for (let i8 = 0; i8 < s5; i8++) {
      const s6 = t5[i8];
      let a3, u5, d3 = -1, f3 = 0;
      for (; f3 < s6.length && (c5.lastIndex = f3, u5 = c5.exec(s6), null !== u5); ) f3 = c5.lastIndex, c5 === v ? "!--" === u5[1] ? c5 = _ : void 0 !== u5[1] ? c5 = m : void 0 !== u5[2] ? (y2.test(u5[2]) && (n6 = RegExp("</" + u5[2], "g")), c5 = p2) : void 0 !== u5[3] && (c5 = p2) : c5 === p2 ? ">" === u5[0] ? (c5 = n6 ?? v, d3 = -1) : void 0 === u5[1] ? d3 = -2 : (d3 = c5.lastIndex - u5[2].length, a3 = u5[1], c5 = void 0 === u5[3] ? p2 : '"' === u5[3] ? $ : g) : c5 === $ || c5 === g ? c5 = p2 : c5 === _ || c5 === m ? c5 = v : (c5 = p2, n6 = void 0);
      const x2 = c5 === p2 && t5[i8 + 1].startsWith("/>") ? " " : "";
      l3 += c5 === v ? s6 + r3 : d3 >= 0 ? (e8.push(a3), s6.slice(0, d3) + h2 + s6.slice(d3) + o3 + x2) : s6 + o3 + (-2 === d3 ? i8 : x2);
    }
    return [V(t5, l3 + (t5[s5] || "<?>") + (2 === i7 ? "</svg>" : 3 === i7 ? "</math>" : "")), e8];
  };
  var S2 = class _S {
    constructor({ strings: t5, _$litType$: i7 }, e8) {
      let r6;
      this.parts = [];
      let l3 = 0, a3 = 0;
      const u5 = t5.length - 1, d3 = this.parts, [f3, v3] = N(t5, i7);
      if (this.el = _S.createElement(f3, e8), P.currentNode = this.el.content, 2 === i7 || 3 === i7) {
        const t6 = this.el.content.firstChild;
        t6.replaceWith(...t6.childNodes);
      }
      for (; null !== (r6 = P.nextNode()) && d3.length < u5; ) {
        if (1 === r6.nodeType) {
          if (r6.hasAttributes()) for (const t6 of r6.getAttributeNames()) if (t6.endsWith(h2)) {
            const i8 = v3[a3++], s5 = r6.getAttribute(t6).split(o3), e9 = /([.?@])?(.*)/.exec(i8);
            d3.push({ type: 1, index: l3, name: e9[2], strings: s5, ctor: "." === e9[1] ? I : "?" === e9[1] ? L : "@" === e9[1] ? z : H }), r6.removeAttribute(t6);
          } else t6.startsWith(o3) && (d3.push({ type: 6, index: l3 }), r6.removeAttribute(t6));
          if (y2.test(r6.tagName)) {
            const t6 = r6.textContent.split(o3), i8 = t6.length - 1;
            if (i8 > 0) {
              r6.textContent = s2 ? s2.emptyScript : "";
              for (let s5 = 0; s5 < i8; s5++) r6.append(t6[s5], c3()), P.nextNode(), d3.push({ type: 2, index: ++l3 });
              r6.append(t6[i8], c3());
            }
          }
        } else if (8 === r6.nodeType) if (r6.data === n3) d3.push({ type: 2, index: l3 });
        else {
          let t6 = -1;
          for (; -1 !== (t6 = r6.data.indexOf(o3, t6 + 1)); ) d3.push({ type: 7, index: l3 }), t6 += o3.length - 1;
        }
        l3++;
      }
    }
    static createElement(t5, i7) {
      const s5 = l2.createElement("template");
      return s5.innerHTML = t5, s5;
    }
  };
  function M(t5, i7, s5 = t5, e8) {
    if (i7 === E) return i7;
    let h5 = void 0 !== e8 ? s5._$Co?.[e8] : s5._$Cl;
    const o8 = a2(i7) ? void 0 : i7._$litDirective$;
    return h5?.constructor !== o8 && (h5?._$AO?.(false), void 0 === o8 ? h5 = void 0 : (h5 = new o8(t5), h5._$AT(t5, s5, e8)), void 0 !== e8 ? (s5._$Co ??= [])[e8] = h5 : s5._$Cl = h5), void 0 !== h5 && (i7 = M(t5, h5._$AS(t5, i7.values), h5, e8)), i7;
  }
  var R = class {
    constructor(t5, i7) {
      this._$AV = [], this._$AN = void 0, this._$AD = t5, this._$AM = i7;
    }
    get parentNode() {
      return this._$AM.parentNode;
    }
    get _$AU() {
      return this._$AM._$AU;
    }
    u(t5) {
      const { el: { content: i7 }, parts: s5 } = this._$AD, e8 = (t5?.creationScope ?? l2).importNode(i7, true);
      P.currentNode = e8;
      let h5 = P.nextNode(), o8 = 0, n6 = 0, r6 = s5[0];
      for (; void 0 !== r6; ) {
        if (o8 === r6.index) {
          let i8;
          2 === r6.type ? i8 = new k(h5, h5.nextSibling, this, t5) : 1 === r6.type ? i8 = new r6.ctor(h5, r6.name, r6.strings, this, t5) : 6 === r6.type && (i8 = new Z(h5, this, t5)), this._$AV.push(i8), r6 = s5[++n6];
        }
        o8 !== r6?.index && (h5 = P.nextNode(), o8++);
      }
      return P.currentNode = l2, e8;
    }
    p(t5) {
      let i7 = 0;
      for (const s5 of this._$AV) void 0 !== s5 && (void 0 !== s5.strings ? (s5._$AI(t5, s5, i7), i7 += s5.strings.length - 2) : s5._$AI(t5[i7])), i7++;
    }
  };
  var k = class _k {
    get _$AU() {
      return this._$AM?._$AU ?? this._$Cv;
    }
    constructor(t5, i7, s5, e8) {
      this.type = 2, this._$AH = A, this._$AN = void 0, this._$AA = t5, this._$AB = i7, this._$AM = s5, this.options = e8, this._$Cv = e8?.isConnected ?? true;
    }
    get parentNode() {
      let t5 = this._$AA.parentNode;
      const i7 = this._$AM;
      return void 0 !== i7 && 11 === t5?.nodeType && (t5 = i7.parentNode), t5;
    }
    get startNode() {
      return this._$AA;
    }
    get endNode() {
      return this._$AB;
    }
    _$AI(t5, i7 = this) {
      t5 = M(this, t5, i7), a2(t5) ? t5 === A || null == t5 || "" === t5 ? (this._$AH !== A && this._$AR(), this._$AH = A) : t5 !== this._$AH && t5 !== E && this._(t5) : void 0 !== t5._$litType$ ? this.$(t5) : void 0 !== t5.nodeType ? this.T(t5) : d2(t5) ? this.k(t5) : this._(t5);
    }
    O(t5) {
      return this._$AA.parentNode.insertBefore(t5, this._$AB);
    }
    T(t5) {
      this._$AH !== t5 && (this._$AR(), this._$AH = this.O(t5));
    }
    _(t5) {
      this._$AH !== A && a2(this._$AH) ? this._$AA.nextSibling.data = t5 : this.T(l2.createTextNode(t5)), this._$AH = t5;
    }
    $(t5) {
      const { values: i7, _$litType$: s5 } = t5, e8 = "number" == typeof s5 ? this._$AC(t5) : (void 0 === s5.el && (s5.el = S2.createElement(V(s5.h, s5.h[0]), this.options)), s5);
      if (this._$AH?._$AD === e8) this._$AH.p(i7);
      else {
        const t6 = new R(e8, this), s6 = t6.u(this.options);
        t6.p(i7), this.T(s6), this._$AH = t6;
      }
    }
    _$AC(t5) {
      let i7 = C.get(t5.strings);
      return void 0 === i7 && C.set(t5.strings, i7 = new S2(t5)), i7;
    }
    k(t5) {
      u2(this._$AH) || (this._$AH = [], this._$AR());
      const i7 = this._$AH;
      let s5, e8 = 0;
      for (const h5 of t5) e8 === i7.length ? i7.push(s5 = new _k(this.O(c3()), this.O(c3()), this, this.options)) : s5 = i7[e8], s5._$AI(h5), e8++;
      e8 < i7.length && (this._$AR(s5 && s5._$AB.nextSibling, e8), i7.length = e8);
    }
    _$AR(t5 = this._$AA.nextSibling, s5) {
      for (this._$AP?.(false, true, s5); t5 !== this._$AB; ) {
        const s6 = i3(t5).nextSibling;
        i3(t5).remove(), t5 = s6;
      }
    }
    setConnected(t5) {
      void 0 === this._$AM && (this._$Cv = t5, this._$AP?.(t5));
    }
  };
  var H = class {
    get tagName() {
      return this.element.tagName;
    }
    get _$AU() {
      return this._$AM._$AU;
    }
    constructor(t5, i7, s5, e8, h5) {
      this.type = 1, this._$AH = A, this._$AN = void 0, this.element = t5, this.name = i7, this._$AM = e8, this.options = h5, s5.length > 2 || "" !== s5[0] || "" !== s5[1] ? (this._$AH = Array(s5.length - 1).fill(new String()), this.strings = s5) : this._$AH = A;
    }
    _$AI(t5, i7 = this, s5, e8) {
      const h5 = this.strings;
      let o8 = false;
      if (void 0 === h5) t5 = M(this, t5, i7, 0), o8 = !a2(t5) || t5 !== this._$AH && t5 !== E, o8 && (this._$AH = t5);
      else {
        const e9 = t5;
        let n6, r6;
        for (t5 = h5[0], n6 = 0; n6 < h5.length - 1; n6++) r6 = M(this, e9[s5 + n6], i7, n6), r6 === E && (r6 = this._$AH[n6]), o8 ||= !a2(r6) || r6 !== this._$AH[n6], r6 === A ? t5 = A : t5 !== A && (t5 += (r6 ?? "") + h5[n6 + 1]), this._$AH[n6] = r6;
      }
      o8 && !e8 && this.j(t5);
    }
    j(t5) {
      t5 === A ? this.element.removeAttribute(this.name) : this.element.setAttribute(this.name, t5 ?? "");
    }
  };
  var I = class extends H {
    constructor() {
      super(...arguments), this.type = 3;
    }
    j(t5) {
      this.element[this.name] = t5 === A ? void 0 : t5;
    }
  };
  var L = class extends H {
    constructor() {
      super(...arguments), this.type = 4;
    }
    j(t5) {
      this.element.toggleAttribute(this.name, !!t5 && t5 !== A);
    }
  };
  var z = class extends H {
    constructor(t5, i7, s5, e8, h5) {
      super(t5, i7, s5, e8, h5), this.type = 5;
    }
    _$AI(t5, i7 = this) {
      if ((t5 = M(this, t5, i7, 0) ?? A) === E) return;
      const s5 = this._$AH, e8 = t5 === A && s5 !== A || t5.capture !== s5.capture || t5.once !== s5.once || t5.passive !== s5.passive, h5 = t5 !== A && (s5 === A || e8);
      e8 && this.element.removeEventListener(this.name, this, s5), h5 && this.element.addEventListener(this.name, this, t5), this._$AH = t5;
    }
    handleEvent(t5) {
      "function" == typeof this._$AH ? this._$AH.call(this.options?.host ?? this.element, t5) : this._$AH.handleEvent(t5);
    }
  };
  var Z = class {
    constructor(t5, i7, s5) {
      this.element = t5, this.type = 6, this._$AN = void 0, this._$AM = i7, this.options = s5;
    }
    get _$AU() {
      return this._$AM._$AU;
    }
    _$AI(t5) {
      M(this, t5);
    }
  };
  var j = { M: h2, P: o3, A: n3, C: 1, L: N, R, D: d2, V: M, I: k, H, N: L, U: z, B: I, F: Z };
  var B = t2.litHtmlPolyfillSupport;
  B?.(S2, k), (t2.litHtmlVersions ??= []).push("3.3.3");
  var D = (t5, i7, s5) => {
    const e8 = s5?.renderBefore ?? i7;
    let h5 = e8._$litPart$;
    if (void 0 === h5) {
      const t6 = s5?.renderBefore ?? null;
      e8._$litPart$ = h5 = new k(i7.insertBefore(c3(), t6), t6, void 0, s5 ?? {});
    }
    return h5._$AI(t5), h5;
  };

  // node_modules/lit-element/lit-element.js
  var s3 = globalThis;
  var i4 = class extends y {
    constructor() {
      super(...arguments), this.renderOptions = { host: this }, this._$Do = void 0;
    }
    createRenderRoot() {
      const t5 = super.createRenderRoot();
      return this.renderOptions.renderBefore ??= t5.firstChild, t5;
    }
    update(t5) {
      const r6 = this.render();
      this.hasUpdated || (this.renderOptions.isConnected = this.isConnected), super.update(t5), this._$Do = D(r6, this.renderRoot, this.renderOptions);
    }
    connectedCallback() {
      super.connectedCallback(), this._$Do?.setConnected(true);
    }
    disconnectedCallback() {
      super.disconnectedCallback(), this._$Do?.setConnected(false);
    }
    render() {
      return E;
    }
  };
  i4._$litElement$ = true, i4["finalized"] = true, s3.litElementHydrateSupport?.({ LitElement: i4 });
  var o4 = s3.litElementPolyfillSupport;
  o4?.({ LitElement: i4 });
  (s3.litElementVersions ??= []).push("4.2.2");

  // node_modules/@lit/reactive-element/decorators/property.js
  var o5 = { attribute: true, type: String, converter: u, reflect: false, hasChanged: f };
  var r4 = (t5 = o5, e8, r6) => {
    const { kind: n6, metadata: i7 } = r6;
    let s5 = globalThis.litPropertyMetadata.get(i7);
    if (void 0 === s5 && globalThis.litPropertyMetadata.set(i7, s5 = /* @__PURE__ */ new Map()), "setter" === n6 && ((t5 = Object.create(t5)).wrapped = true), s5.set(r6.name, t5), "accessor" === n6) {
      const { name: o8 } = r6;
      return { set(r7) {
        const n7 = e8.get.call(this);
        e8.set.call(this, r7), this.requestUpdate(o8, n7, t5, true, r7);
      }, init(e9) {
        return void 0 !== e9 && this.C(o8, void 0, t5, e9), e9;
      } };
    }
    if ("setter" === n6) {
      const { name: o8 } = r6;
      return function(r7) {
        const n7 = this[o8];
        e8.call(this, r7), this.requestUpdate(o8, n7, t5, true, r7);
      };
    }
    throw Error("Unsupported decorator location: " + n6);
  };
  function n4(t5) {
    return (e8, o8) => "object" == typeof o8 ? r4(t5, e8, o8) : ((t6, e9, o9) => {
      const r6 = e9.hasOwnProperty(o9);
      return e9.constructor.createProperty(o9, t6), r6 ? Object.getOwnPropertyDescriptor(e9, o9) : void 0;
    })(t5, e8, o8);
  }

  // node_modules/@lit/reactive-element/decorators/state.js
  function r5(r6) {
    return n4({ ...r6, state: true, attribute: false });
  }

  // node_modules/@lit/reactive-element/decorators/base.js
  var e4 = (e8, t5, c5) => (c5.configurable = true, c5.enumerable = true, Reflect.decorate && "object" != typeof t5 && Object.defineProperty(e8, t5, c5), c5);

  // node_modules/@lit/reactive-element/decorators/query.js
  function e5(e8, r6) {
    return (n6, s5, i7) => {
      const o8 = (t5) => t5.renderRoot?.querySelector(e8) ?? null;
      if (r6) {
        const { get: e9, set: r7 } = "object" == typeof s5 ? n6 : i7 ?? /* @__PURE__ */ (() => {
          const t5 = /* @__PURE__ */ Symbol();
          return { get() {
            return this[t5];
          }, set(e10) {
            this[t5] = e10;
          } };
        })();
        return e4(n6, s5, { get() {
          let t5 = e9.call(this);
          return void 0 === t5 && (t5 = o8(this), (null !== t5 || this.hasUpdated) && r7.call(this, t5)), t5;
        } });
      }
      return e4(n6, s5, { get() {
        return o8(this);
      } });
    };
  }

  // node_modules/@lit/reactive-element/decorators/query-assigned-elements.js
  function o6(o8) {
    return (e8, n6) => {
      const { slot: r6, selector: s5 } = o8 ?? {}, c5 = "slot" + (r6 ? `[name=${r6}]` : ":not([name])");
      return e4(e8, n6, { get() {
        const t5 = this.renderRoot?.querySelector(c5), e9 = t5?.assignedElements(o8) ?? [];
        return void 0 === s5 ? e9 : e9.filter((t6) => t6.matches(s5));
      } });
    };
  }

  // node_modules/lit-html/directive.js
  var t3 = { ATTRIBUTE: 1, CHILD: 2, PROPERTY: 3, BOOLEAN_ATTRIBUTE: 4, EVENT: 5, ELEMENT: 6 };
  var e6 = (t5) => (...e8) => ({ _$litDirective$: t5, values: e8 });
  var i5 = class {
    constructor(t5) {
    }
    get _$AU() {
      return this._$AM._$AU;
    }
    _$AT(t5, e8, i7) {
      this._$Ct = t5, this._$AM = e8, this._$Ci = i7;
    }
    _$AS(t5, e8) {
      return this.update(t5, e8);
    }
    update(t5, e8) {
      return this.render(...e8);
    }
  };

  // node_modules/lit-html/directives/class-map.js
  var e7 = e6(class extends i5 {
    constructor(t5) {
      if (super(t5), t5.type !== t3.ATTRIBUTE || "class" !== t5.name || t5.strings?.length > 2) throw Error("`classMap()` can only be used in the `class` attribute and must be the only part in the attribute.");
    }
    render(t5) {
      return " " + Object.keys(t5).filter((s5) => t5[s5]).join(" ") + " ";
    }
    update(s5, [i7]) {
      if (void 0 === this.st) {
        this.st = /* @__PURE__ */ new Set(), void 0 !== s5.strings && (this.nt = new Set(s5.strings.join(" ").split(/\s/).filter((t5) => "" !== t5)));
        for (const t5 in i7) i7[t5] && !this.nt?.has(t5) && this.st.add(t5);
        return this.render(i7);
      }
      const r6 = s5.element.classList;
      for (const t5 of this.st) t5 in i7 || (r6.remove(t5), this.st.delete(t5));
      for (const t5 in i7) {
        const s6 = !!i7[t5];
        s6 === this.st.has(t5) || this.nt?.has(t5) || (s6 ? (r6.add(t5), this.st.add(t5)) : (r6.remove(t5), this.st.delete(t5)));
      }
      return E;
    }
  });

  // node_modules/@vscode-elements/elements/dist/includes/VscElement.js
  var VERSION = "2.5.1";
  var CONFIG_KEY = "__vscodeElements_disableRegistryWarning__";
  var warn = (message, componentInstance) => {
    const prefix = "[VSCode Elements] ";
    if (componentInstance) {
      console.warn(`${prefix}${message}
%o`, componentInstance);
    } else {
      console.warn(`${message}
%o`, componentInstance);
    }
  };
  var VscElement = class extends i4 {
    /** VSCode Elements version */
    get version() {
      return VERSION;
    }
    warn(message) {
      warn(message, this);
    }
  };
  var customElement = (tagName) => {
    return (classOrTarget) => {
      const customElementClass = customElements.get(tagName);
      if (!customElementClass) {
        customElements.define(tagName, classOrTarget);
        return;
      }
      if (CONFIG_KEY in window) {
        return;
      }
      const el = document.createElement(tagName);
      const anotherVersion = el?.version;
      let message = "";
      if (!anotherVersion) {
        message += "is already registered by an unknown custom element handler class.";
      } else if (anotherVersion !== VERSION) {
        message += "is already registered by a different version of VSCode Elements. ";
        message += `This version is "${VERSION}", while the other one is "${anotherVersion}".`;
      } else {
        message += `is already registered by the same version of VSCode Elements (${VERSION}).`;
      }
      warn(`The custom element "${tagName}" ${message}
To suppress this warning, set window.${CONFIG_KEY} to true`);
    };
  };

  // node_modules/lit-html/directives/if-defined.js
  var o7 = (o8) => o8 ?? A;

  // node_modules/@vscode-elements/elements/dist/includes/style-property-map.js
  var StylePropertyMap = class extends i5 {
    constructor(partInfo) {
      super(partInfo);
      this._prevProperties = {};
      if (partInfo.type !== t3.PROPERTY || partInfo.name !== "style") {
        throw new Error("The `stylePropertyMap` directive must be used in the `style` property");
      }
    }
    update(part, [styleProps]) {
      Object.entries(styleProps).forEach(([key, val]) => {
        if (this._prevProperties[key] !== val) {
          if (key.startsWith("--")) {
            part.element.style.setProperty(key, val);
          } else {
            part.element.style[key] = val;
          }
          this._prevProperties[key] = val;
        }
      });
      return E;
    }
    render(_styleProps) {
      return E;
    }
  };
  var stylePropertyMap = e6(StylePropertyMap);

  // node_modules/@vscode-elements/elements/dist/includes/default.styles.js
  var default_styles_default = i`
  :host([hidden]) {
    display: none;
  }

  :host([disabled]),
  :host(:disabled) {
    cursor: not-allowed;
    opacity: 0.4;
    pointer-events: none;
  }
`;

  // node_modules/@vscode-elements/elements/dist/vscode-icon/vscode-icon.styles.js
  var styles = [
    default_styles_default,
    i`
    :host {
      color: var(--vscode-icon-foreground, #cccccc);
      display: inline-block;
    }

    .codicon[class*='codicon-'] {
      display: block;
    }

    .icon,
    .button {
      background-color: transparent;
      display: block;
      padding: 0;
    }

    .button {
      border-color: transparent;
      border-style: solid;
      border-width: 1px;
      border-radius: 5px;
      color: currentColor;
      cursor: pointer;
      padding: 2px;
    }

    .button:hover {
      background-color: var(
        --vscode-toolbar-hoverBackground,
        rgba(90, 93, 94, 0.31)
      );
    }

    .button:active {
      background-color: var(
        --vscode-toolbar-activeBackground,
        rgba(99, 102, 103, 0.31)
      );
    }

    .button:focus {
      outline: none;
    }

    .button:focus-visible {
      border-color: var(--vscode-focusBorder, #0078d4);
    }

    @keyframes icon-spin {
      100% {
        transform: rotate(360deg);
      }
    }

    .spin {
      animation-name: icon-spin;
      animation-timing-function: linear;
      animation-iteration-count: infinite;
    }
  `
  ];
  var vscode_icon_styles_default = styles;

  // node_modules/@vscode-elements/elements/dist/vscode-icon/vscode-icon.js
  var __decorate = function(decorators, target, key, desc) {
    var c5 = arguments.length, r6 = c5 < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d3;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r6 = Reflect.decorate(decorators, target, key, desc);
    else for (var i7 = decorators.length - 1; i7 >= 0; i7--) if (d3 = decorators[i7]) r6 = (c5 < 3 ? d3(r6) : c5 > 3 ? d3(target, key, r6) : d3(target, key)) || r6;
    return c5 > 3 && r6 && Object.defineProperty(target, key, r6), r6;
  };
  var VscodeIcon_1;
  var VscodeIcon = VscodeIcon_1 = class VscodeIcon2 extends VscElement {
    constructor() {
      super(...arguments);
      this.label = "";
      this.name = "";
      this.size = 16;
      this.spin = false;
      this.spinDuration = 1.5;
      this.actionIcon = false;
      this._onButtonClick = (ev) => {
        this.dispatchEvent(new CustomEvent("vsc-click", { detail: { originalEvent: ev } }));
      };
    }
    connectedCallback() {
      super.connectedCallback();
      const { href, nonce } = this._getStylesheetConfig();
      VscodeIcon_1.stylesheetHref = href;
      VscodeIcon_1.nonce = nonce;
    }
    /**
     * For using web fonts in web components, the font stylesheet must be included
     * twice: on the page and in the web component. This function looks for the
     * font stylesheet on the page and returns the stylesheet URL and the nonce
     * id.
     */
    _getStylesheetConfig() {
      if (typeof document === "undefined") {
        return { nonce: void 0, href: void 0 };
      }
      const linkElement = document.getElementById("vscode-codicon-stylesheet");
      const href = linkElement?.getAttribute("href") || void 0;
      const nonce = linkElement?.nonce || void 0;
      if (!linkElement) {
        let msg = 'To use the Icon component, the codicons.css file must be included in the page with the id "vscode-codicon-stylesheet"! ';
        msg += "See https://vscode-elements.github.io/components/icon/ for more details.";
        this.warn(msg);
      }
      return { nonce, href };
    }
    render() {
      const { stylesheetHref, nonce } = VscodeIcon_1;
      const content2 = b2`<span
      class=${e7({
        codicon: true,
        ["codicon-" + this.name]: true,
        spin: this.spin
      })}
      .style=${stylePropertyMap({
        animationDuration: String(this.spinDuration) + "s",
        fontSize: this.size + "px",
        height: this.size + "px",
        width: this.size + "px"
      })}
    ></span>`;
      const wrapped = this.actionIcon ? b2` <button
          class="button"
          @click=${this._onButtonClick}
          aria-label=${this.label}
        >
          ${content2}
        </button>` : b2` <span class="icon" aria-hidden="true" role="presentation"
          >${content2}</span
        >`;
      return b2`
      <link
        rel="stylesheet"
        href=${o7(stylesheetHref)}
        nonce=${o7(nonce)}
      />
      ${wrapped}
    `;
    }
  };
  VscodeIcon.styles = vscode_icon_styles_default;
  VscodeIcon.stylesheetHref = "";
  VscodeIcon.nonce = "";
  __decorate([
    n4()
  ], VscodeIcon.prototype, "label", void 0);
  __decorate([
    n4({ type: String })
  ], VscodeIcon.prototype, "name", void 0);
  __decorate([
    n4({ type: Number })
  ], VscodeIcon.prototype, "size", void 0);
  __decorate([
    n4({ type: Boolean, reflect: true })
  ], VscodeIcon.prototype, "spin", void 0);
  __decorate([
    n4({ type: Number, attribute: "spin-duration" })
  ], VscodeIcon.prototype, "spinDuration", void 0);
  __decorate([
    n4({ type: Boolean, reflect: true, attribute: "action-icon" })
  ], VscodeIcon.prototype, "actionIcon", void 0);
  VscodeIcon = VscodeIcon_1 = __decorate([
    customElement("vscode-icon")
  ], VscodeIcon);

  // node_modules/@vscode-elements/elements/dist/includes/helpers.js
  var DEFAULT_LINE_HEIGHT = 16;
  var DEFAULT_FONT_SIZE = 13;
  var INPUT_LINE_HEIGHT_RATIO = DEFAULT_LINE_HEIGHT / DEFAULT_FONT_SIZE;
  function getDefaultFontStack() {
    if (navigator.userAgent.indexOf("Linux") > -1) {
      return 'system-ui, "Ubuntu", "Droid Sans", sans-serif';
    } else if (navigator.userAgent.indexOf("Mac") > -1) {
      return "-apple-system, BlinkMacSystemFont, sans-serif";
    } else if (navigator.userAgent.indexOf("Windows") > -1) {
      return '"Segoe WPC", "Segoe UI", sans-serif';
    } else {
      return "sans-serif";
    }
  }

  // node_modules/@vscode-elements/elements/dist/vscode-button/vscode-button.styles.js
  var defaultFontStack = r(getDefaultFontStack());
  var styles2 = [
    default_styles_default,
    i`
    :host {
      cursor: pointer;
      display: inline-block;
      width: auto;
    }

    :host([block]) {
      display: block;
      width: 100%;
    }

    .base {
      align-items: center;
      background-color: var(--vscode-button-background, #0078d4);
      border-bottom-left-radius: var(--vsc-border-left-radius, 4px);
      border-bottom-right-radius: var(--vsc-border-right-radius, 4px);
      border-bottom-width: 1px;
      border-color: var(--vscode-button-border, transparent);
      border-left-width: var(--vsc-border-left-width, 1px);
      border-right-width: var(--vsc-border-right-width, 1px);
      border-style: solid;
      border-top-left-radius: var(--vsc-border-left-radius, 4px);
      border-top-right-radius: var(--vsc-border-right-radius, 4px);
      border-top-width: 1px;
      box-sizing: border-box;
      color: var(--vscode-button-foreground, #ffffff);
      display: flex;
      font-family: var(--vscode-font-family, ${defaultFontStack});
      font-size: var(--vscode-font-size, 13px);
      font-weight: var(--vscode-font-weight, normal);
      height: 100%;
      justify-content: center;
      line-height: 22px;
      overflow: hidden;
      padding: 1px calc(13px + var(--vsc-base-additional-right-padding, 0px))
        1px 13px;
      position: relative;
      user-select: none;
      white-space: nowrap;
      width: 100%;
    }

    :host([block]) .base {
      min-height: 28px;
      text-align: center;
      width: 100%;
    }

    .base:after {
      background-color: var(
        --vscode-button-separator,
        rgba(255, 255, 255, 0.4)
      );
      content: var(--vsc-base-after-content);
      display: var(--vsc-divider-display, none);
      position: absolute;
      right: 0;
      top: 4px;
      bottom: 4px;
      width: 1px;
    }

    :host([secondary]) .base:after {
      background-color: var(--vscode-button-secondaryForeground, #cccccc);
      opacity: 0.4;
    }

    :host([secondary]) .base {
      color: var(--vscode-button-secondaryForeground, #cccccc);
      background-color: var(--vscode-button-secondaryBackground, #313131);
      border-color: var(
        --vscode-button-border,
        var(--vscode-button-secondaryBackground, rgba(255, 255, 255, 0.07))
      );
    }

    :host([disabled]) {
      cursor: default;
      opacity: 0.4;
      pointer-events: none;
    }

    :host(:hover) .base {
      background-color: var(--vscode-button-hoverBackground, #026ec1);
    }

    :host([disabled]:hover) .base {
      background-color: var(--vscode-button-background, #0078d4);
    }

    :host([secondary]:hover) .base {
      background-color: var(--vscode-button-secondaryHoverBackground, #3c3c3c);
    }

    :host([secondary][disabled]:hover) .base {
      background-color: var(--vscode-button-secondaryBackground, #313131);
    }

    :host(:focus),
    :host(:active) {
      outline: none;
    }

    :host(:focus) .base {
      background-color: var(--vscode-button-hoverBackground, #026ec1);
      outline: 1px solid var(--vscode-focusBorder, #0078d4);
      outline-offset: 2px;
    }

    :host([disabled]:focus) .base {
      background-color: var(--vscode-button-background, #0078d4);
      outline: 0;
    }

    :host([secondary]:focus) .base {
      background-color: var(--vscode-button-secondaryHoverBackground, #3c3c3c);
    }

    :host([secondary][disabled]:focus) .base {
      background-color: var(--vscode-button-secondaryBackground, #313131);
    }

    ::slotted(*) {
      display: inline-block;
      margin-left: 4px;
      margin-right: 4px;
    }

    ::slotted(*:first-child) {
      margin-left: 0;
    }

    ::slotted(*:last-child) {
      margin-right: 0;
    }

    ::slotted(vscode-icon) {
      color: inherit;
    }

    .content {
      display: flex;
      position: relative;
      width: 100%;
      height: 100%;
      padding: 1px 13px;
    }

    :host(:empty) .base,
    .base.icon-only {
      min-height: 24px;
      min-width: 26px;
      padding: 1px 4px;
    }

    slot {
      align-items: center;
      display: flex;
      height: 100%;
    }

    .has-content-before slot[name='content-before'] {
      margin-right: 4px;
    }

    .has-content-after slot[name='content-after'] {
      margin-left: 4px;
    }

    .icon,
    .icon-after {
      color: inherit;
      display: block;
    }

    :host(:not(:empty)) .icon {
      margin-right: 3px;
    }

    :host(:not(:empty)) .icon-after,
    :host([icon]) .icon-after {
      margin-left: 3px;
    }
  `
  ];
  var vscode_button_styles_default = styles2;

  // node_modules/@vscode-elements/elements/dist/vscode-button/vscode-button.js
  var __decorate2 = function(decorators, target, key, desc) {
    var c5 = arguments.length, r6 = c5 < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d3;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r6 = Reflect.decorate(decorators, target, key, desc);
    else for (var i7 = decorators.length - 1; i7 >= 0; i7--) if (d3 = decorators[i7]) r6 = (c5 < 3 ? d3(r6) : c5 > 3 ? d3(target, key, r6) : d3(target, key)) || r6;
    return c5 > 3 && r6 && Object.defineProperty(target, key, r6), r6;
  };
  var VscodeButton = class VscodeButton2 extends VscElement {
    get form() {
      return this._internals.form;
    }
    constructor() {
      super();
      this.autofocus = false;
      this.tabIndex = 0;
      this.secondary = false;
      this.block = false;
      this.role = "button";
      this.disabled = false;
      this.icon = "";
      this.iconSpin = false;
      this.iconAfter = "";
      this.iconAfterSpin = false;
      this.focused = false;
      this.name = void 0;
      this.iconOnly = false;
      this.type = "button";
      this.value = "";
      this._prevTabindex = 0;
      this._hasContentBefore = false;
      this._hasContentAfter = false;
      this._handleFocus = () => {
        this.focused = true;
      };
      this._handleBlur = () => {
        this.focused = false;
      };
      this.addEventListener("keydown", this._handleKeyDown.bind(this));
      this.addEventListener("click", this._handleClick.bind(this));
      this._internals = this.attachInternals();
    }
    connectedCallback() {
      super.connectedCallback();
      if (this.autofocus) {
        if (this.tabIndex < 0) {
          this.tabIndex = 0;
        }
        this.updateComplete.then(() => {
          this.focus();
          this.requestUpdate();
        });
      }
      this.addEventListener("focus", this._handleFocus);
      this.addEventListener("blur", this._handleBlur);
    }
    disconnectedCallback() {
      super.disconnectedCallback();
      this.removeEventListener("focus", this._handleFocus);
      this.removeEventListener("blur", this._handleBlur);
    }
    update(changedProperties) {
      super.update(changedProperties);
      if (changedProperties.has("value")) {
        this._internals.setFormValue(this.value);
      }
      if (changedProperties.has("disabled")) {
        if (this.disabled) {
          this._prevTabindex = this.tabIndex;
          this.tabIndex = -1;
        } else {
          this.tabIndex = this._prevTabindex;
        }
      }
    }
    _executeAction() {
      if (this.type === "submit" && this._internals.form) {
        this._internals.form.requestSubmit();
      }
      if (this.type === "reset" && this._internals.form) {
        this._internals.form.reset();
      }
    }
    _handleKeyDown(event) {
      if ((event.key === "Enter" || event.key === " ") && !this.hasAttribute("disabled")) {
        const syntheticClick = new MouseEvent("click", {
          bubbles: true,
          cancelable: true
        });
        syntheticClick.synthetic = true;
        this.dispatchEvent(syntheticClick);
        this._executeAction();
      }
    }
    _handleClick(event) {
      if (event.synthetic) {
        return;
      }
      if (!this.hasAttribute("disabled")) {
        this._executeAction();
      }
    }
    _handleSlotChange(ev) {
      const slot = ev.target;
      if (slot.name === "content-before") {
        this._hasContentBefore = slot.assignedElements().length > 0;
      }
      if (slot.name === "content-after") {
        this._hasContentAfter = slot.assignedElements().length > 0;
      }
    }
    render() {
      const hasIcon = this.icon !== "";
      const hasIconAfter = this.iconAfter !== "";
      const baseClasses = {
        base: true,
        "icon-only": this.iconOnly,
        "has-content-before": this._hasContentBefore,
        "has-content-after": this._hasContentAfter
      };
      const iconElem = hasIcon ? b2`<vscode-icon
          name=${this.icon}
          ?spin=${this.iconSpin}
          spin-duration=${o7(this.iconSpinDuration)}
          class="icon"
        ></vscode-icon>` : A;
      const iconAfterElem = hasIconAfter ? b2`<vscode-icon
          name=${this.iconAfter}
          ?spin=${this.iconAfterSpin}
          spin-duration=${o7(this.iconAfterSpinDuration)}
          class="icon-after"
        ></vscode-icon>` : A;
      return b2`
      <div
        class=${e7(baseClasses)}
        part="base"
        @slotchange=${this._handleSlotChange}
      >
        <slot name="content-before"></slot>
        ${iconElem}
        <slot></slot>
        ${iconAfterElem}
        <slot name="content-after"></slot>
      </div>
    `;
    }
  };
  VscodeButton.styles = vscode_button_styles_default;
  VscodeButton.formAssociated = true;
  __decorate2([
    n4({ type: Boolean, reflect: true })
  ], VscodeButton.prototype, "autofocus", void 0);
  __decorate2([
    n4({ type: Number, reflect: true })
  ], VscodeButton.prototype, "tabIndex", void 0);
  __decorate2([
    n4({ type: Boolean, reflect: true })
  ], VscodeButton.prototype, "secondary", void 0);
  __decorate2([
    n4({ type: Boolean, reflect: true })
  ], VscodeButton.prototype, "block", void 0);
  __decorate2([
    n4({ reflect: true })
  ], VscodeButton.prototype, "role", void 0);
  __decorate2([
    n4({ type: Boolean, reflect: true })
  ], VscodeButton.prototype, "disabled", void 0);
  __decorate2([
    n4()
  ], VscodeButton.prototype, "icon", void 0);
  __decorate2([
    n4({ type: Boolean, reflect: true, attribute: "icon-spin" })
  ], VscodeButton.prototype, "iconSpin", void 0);
  __decorate2([
    n4({ type: Number, reflect: true, attribute: "icon-spin-duration" })
  ], VscodeButton.prototype, "iconSpinDuration", void 0);
  __decorate2([
    n4({ attribute: "icon-after" })
  ], VscodeButton.prototype, "iconAfter", void 0);
  __decorate2([
    n4({ type: Boolean, reflect: true, attribute: "icon-after-spin" })
  ], VscodeButton.prototype, "iconAfterSpin", void 0);
  __decorate2([
    n4({
      type: Number,
      reflect: true,
      attribute: "icon-after-spin-duration"
    })
  ], VscodeButton.prototype, "iconAfterSpinDuration", void 0);
  __decorate2([
    n4({ type: Boolean, reflect: true })
  ], VscodeButton.prototype, "focused", void 0);
  __decorate2([
    n4({ type: String, reflect: true })
  ], VscodeButton.prototype, "name", void 0);
  __decorate2([
    n4({ type: Boolean, reflect: true, attribute: "icon-only" })
  ], VscodeButton.prototype, "iconOnly", void 0);
  __decorate2([
    n4({ reflect: true })
  ], VscodeButton.prototype, "type", void 0);
  __decorate2([
    n4()
  ], VscodeButton.prototype, "value", void 0);
  __decorate2([
    r5()
  ], VscodeButton.prototype, "_hasContentBefore", void 0);
  __decorate2([
    r5()
  ], VscodeButton.prototype, "_hasContentAfter", void 0);
  VscodeButton = __decorate2([
    customElement("vscode-button")
  ], VscodeButton);

  // node_modules/@vscode-elements/elements/dist/vscode-collapsible/vscode-collapsible.styles.js
  var styles3 = [
    default_styles_default,
    i`
    :host {
      display: block;
    }

    .collapsible {
      background-color: var(--vscode-sideBar-background, #181818);
    }

    .collapsible-header {
      align-items: center;
      background-color: var(--vscode-sideBarSectionHeader-background, #181818);
      cursor: pointer;
      display: flex;
      height: 22px;
      line-height: 22px;
      user-select: none;
    }

    .collapsible-header:focus {
      opacity: 1;
      outline-offset: -1px;
      outline-style: solid;
      outline-width: 1px;
      outline-color: var(--vscode-focusBorder, #0078d4);
    }

    .title {
      color: var(--vscode-sideBarTitle-foreground, #cccccc);
      display: block;
      font-family: var(--vscode-font-family, sans-serif);
      font-size: 11px;
      font-weight: 700;
      margin: 0;
      overflow: hidden;
      text-overflow: ellipsis;
      text-transform: uppercase;
      white-space: nowrap;
    }

    .title .description {
      font-weight: 400;
      margin-left: 10px;
      text-transform: none;
      opacity: 0.6;
    }

    .header-icon {
      color: var(--vscode-icon-foreground, #cccccc);
      display: block;
      flex-shrink: 0;
      margin: 0 3px;
    }

    .collapsible.open .header-icon {
      transform: rotate(90deg);
    }

    .header-slots {
      align-items: center;
      display: flex;
      height: 22px;
      margin-left: auto;
      margin-right: 4px;
    }

    .actions {
      display: none;
    }

    .collapsible.open .actions.always-visible,
    .collapsible.open:hover .actions {
      display: block;
    }

    .header-slots slot {
      display: flex;
      max-height: 22px;
      overflow: hidden;
    }

    .header-slots slot::slotted(div) {
      align-items: center;
      display: flex;
    }

    .collapsible-body {
      display: none;
      overflow: hidden;
    }

    .collapsible.open .collapsible-body {
      display: block;
    }
  `
  ];
  var vscode_collapsible_styles_default = styles3;

  // node_modules/@vscode-elements/elements/dist/vscode-collapsible/vscode-collapsible.js
  var __decorate3 = function(decorators, target, key, desc) {
    var c5 = arguments.length, r6 = c5 < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d3;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r6 = Reflect.decorate(decorators, target, key, desc);
    else for (var i7 = decorators.length - 1; i7 >= 0; i7--) if (d3 = decorators[i7]) r6 = (c5 < 3 ? d3(r6) : c5 > 3 ? d3(target, key, r6) : d3(target, key)) || r6;
    return c5 > 3 && r6 && Object.defineProperty(target, key, r6), r6;
  };
  var VscodeCollapsible = class VscodeCollapsible2 extends VscElement {
    constructor() {
      super(...arguments);
      this.alwaysShowHeaderActions = false;
      this.title = "";
      this.heading = "";
      this.description = "";
      this.open = false;
    }
    _emitToggleEvent() {
      this.dispatchEvent(new CustomEvent("vsc-collapsible-toggle", {
        detail: { open: this.open }
      }));
    }
    _onHeaderClick() {
      this.open = !this.open;
      this._emitToggleEvent();
    }
    _onHeaderKeyDown(event) {
      if (event.key === "Enter") {
        this.open = !this.open;
        this._emitToggleEvent();
      }
    }
    _onHeaderSlotClick(event) {
      event.stopPropagation();
    }
    render() {
      const classes = { collapsible: true, open: this.open };
      const actionsClasses = {
        actions: true,
        "always-visible": this.alwaysShowHeaderActions
      };
      const heading = this.heading ? this.heading : this.title;
      const icon2 = b2`<svg
      width="16"
      height="16"
      viewBox="0 0 16 16"
      xmlns="http://www.w3.org/2000/svg"
      fill="currentColor"
      class="header-icon"
    >
      <path
        fill-rule="evenodd"
        clip-rule="evenodd"
        d="M10.072 8.024L5.715 3.667l.618-.62L11 7.716v.618L6.333 13l-.618-.619 4.357-4.357z"
      />
    </svg>`;
      const descriptionMarkup = this.description ? b2`<span class="description">${this.description}</span>` : A;
      return b2`
      <div class=${e7(classes)}>
        <div
          class="collapsible-header"
          tabindex="0"
          @click=${this._onHeaderClick}
          @keydown=${this._onHeaderKeyDown}
        >
          ${icon2}
          <h3 class="title">${heading}${descriptionMarkup}</h3>
          <div class="header-slots">
            <div class=${e7(actionsClasses)}>
              <slot name="actions" @click=${this._onHeaderSlotClick}></slot>
            </div>
            <div class="decorations">
              <slot name="decorations" @click=${this._onHeaderSlotClick}></slot>
            </div>
          </div>
        </div>
        <div class="collapsible-body" part="body">
          <slot></slot>
        </div>
      </div>
    `;
    }
  };
  VscodeCollapsible.styles = vscode_collapsible_styles_default;
  __decorate3([
    n4({
      type: Boolean,
      reflect: true,
      attribute: "always-show-header-actions"
    })
  ], VscodeCollapsible.prototype, "alwaysShowHeaderActions", void 0);
  __decorate3([
    n4({ type: String })
  ], VscodeCollapsible.prototype, "title", void 0);
  __decorate3([
    n4()
  ], VscodeCollapsible.prototype, "heading", void 0);
  __decorate3([
    n4()
  ], VscodeCollapsible.prototype, "description", void 0);
  __decorate3([
    n4({ type: Boolean, reflect: true })
  ], VscodeCollapsible.prototype, "open", void 0);
  VscodeCollapsible = __decorate3([
    customElement("vscode-collapsible")
  ], VscodeCollapsible);

  // node_modules/@vscode-elements/elements/dist/vscode-progress-ring/vscode-progress-ring.styles.js
  var styles4 = [
    default_styles_default,
    i`
    :host {
      display: block;
      height: 28px;
      margin: 0;
      outline: none;
      width: 28px;
    }

    .progress {
      height: 100%;
      width: 100%;
    }

    .background {
      fill: none;
      stroke: transparent;
      stroke-width: 2px;
    }

    .indeterminate-indicator-1 {
      fill: none;
      stroke: var(--vscode-progressBar-background, #0078d4);
      stroke-width: 2px;
      stroke-linecap: square;
      transform-origin: 50% 50%;
      transform: rotate(-90deg);
      transition: all 0.2s ease-in-out;
      animation: spin-infinite 2s linear infinite;
    }

    @keyframes spin-infinite {
      0% {
        stroke-dasharray: 0.01px 43.97px;
        transform: rotate(0deg);
      }
      50% {
        stroke-dasharray: 21.99px 21.99px;
        transform: rotate(450deg);
      }
      100% {
        stroke-dasharray: 0.01px 43.97px;
        transform: rotate(1080deg);
      }
    }
  `
  ];
  var vscode_progress_ring_styles_default = styles4;

  // node_modules/@vscode-elements/elements/dist/vscode-progress-ring/vscode-progress-ring.js
  var __decorate4 = function(decorators, target, key, desc) {
    var c5 = arguments.length, r6 = c5 < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d3;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r6 = Reflect.decorate(decorators, target, key, desc);
    else for (var i7 = decorators.length - 1; i7 >= 0; i7--) if (d3 = decorators[i7]) r6 = (c5 < 3 ? d3(r6) : c5 > 3 ? d3(target, key, r6) : d3(target, key)) || r6;
    return c5 > 3 && r6 && Object.defineProperty(target, key, r6), r6;
  };
  var VscodeProgressRing = class VscodeProgressRing2 extends VscElement {
    constructor() {
      super(...arguments);
      this.ariaLabel = "Loading";
      this.ariaLive = "assertive";
      this.role = "alert";
    }
    render() {
      return b2`<svg class="progress" part="progress" viewBox="0 0 16 16">
      <circle
        class="background"
        part="background"
        cx="8px"
        cy="8px"
        r="7px"
      ></circle>
      <circle
        class="indeterminate-indicator-1"
        part="indeterminate-indicator-1"
        cx="8px"
        cy="8px"
        r="7px"
      ></circle>
    </svg>`;
    }
  };
  VscodeProgressRing.styles = vscode_progress_ring_styles_default;
  __decorate4([
    n4({ reflect: true, attribute: "aria-label" })
  ], VscodeProgressRing.prototype, "ariaLabel", void 0);
  __decorate4([
    n4({ reflect: true, attribute: "aria-live" })
  ], VscodeProgressRing.prototype, "ariaLive", void 0);
  __decorate4([
    n4({ reflect: true })
  ], VscodeProgressRing.prototype, "role", void 0);
  VscodeProgressRing = __decorate4([
    customElement("vscode-progress-ring")
  ], VscodeProgressRing);

  // node_modules/@vscode-elements/elements/dist/includes/vscode-select/template-elements.js
  var chevronDownIcon = b2`
  <span class="icon">
    <svg
      width="16"
      height="16"
      viewBox="0 0 16 16"
      xmlns="http://www.w3.org/2000/svg"
      fill="currentColor"
    >
      <path
        fill-rule="evenodd"
        clip-rule="evenodd"
        d="M7.976 10.072l4.357-4.357.62.618L8.284 11h-.618L3 6.333l.619-.618 4.357 4.357z"
      />
    </svg>
  </span>
`;
  var checkIcon = w`<svg
  width="16"
  height="16"
  viewBox="0 0 16 16"
  xmlns="http://www.w3.org/2000/svg"
  fill="currentColor"
>
  <path
    fill-rule="evenodd"
    clip-rule="evenodd"
    d="M14.431 3.323l-8.47 10-.79-.036-3.35-4.77.818-.574 2.978 4.24 8.051-9.506.764.646z"
  />
</svg>`;

  // node_modules/lit-html/directive-helpers.js
  var { I: t4 } = j;
  var i6 = (o8) => o8;
  var s4 = () => document.createComment("");
  var v2 = (o8, n6, e8) => {
    const l3 = o8._$AA.parentNode, d3 = void 0 === n6 ? o8._$AB : n6._$AA;
    if (void 0 === e8) {
      const i7 = l3.insertBefore(s4(), d3), n7 = l3.insertBefore(s4(), d3);
      e8 = new t4(i7, n7, o8, o8.options);
    } else {
      const t5 = e8._$AB.nextSibling, n7 = e8._$AM, c5 = n7 !== o8;
      if (c5) {
        let t6;
        e8._$AQ?.(o8), e8._$AM = o8, void 0 !== e8._$AP && (t6 = o8._$AU) !== n7._$AU && e8._$AP(t6);
      }
      if (t5 !== d3 || c5) {
        let o9 = e8._$AA;
        for (; o9 !== t5; ) {
          const t6 = i6(o9).nextSibling;
          i6(l3).insertBefore(o9, d3), o9 = t6;
        }
      }
    }
    return e8;
  };
  var u3 = (o8, t5, i7 = o8) => (o8._$AI(t5, i7), o8);
  var m2 = {};
  var p3 = (o8, t5 = m2) => o8._$AH = t5;
  var M2 = (o8) => o8._$AH;
  var h3 = (o8) => {
    o8._$AR(), o8._$AA.remove();
  };

  // node_modules/lit-html/directives/repeat.js
  var u4 = (e8, s5, t5) => {
    const r6 = /* @__PURE__ */ new Map();
    for (let l3 = s5; l3 <= t5; l3++) r6.set(e8[l3], l3);
    return r6;
  };
  var c4 = e6(class extends i5 {
    constructor(e8) {
      if (super(e8), e8.type !== t3.CHILD) throw Error("repeat() can only be used in text expressions");
    }
    dt(e8, s5, t5) {
      let r6;
      void 0 === t5 ? t5 = s5 : void 0 !== s5 && (r6 = s5);
      const l3 = [], o8 = [];
      let i7 = 0;
      for (const s6 of e8) l3[i7] = r6 ? r6(s6, i7) : i7, o8[i7] = t5(s6, i7), i7++;
      return { values: o8, keys: l3 };
    }
    render(e8, s5, t5) {
      return this.dt(e8, s5, t5).values;
    }
    update(s5, [t5, r6, c5]) {
      const d3 = M2(s5), { values: p4, keys: a3 } = this.dt(t5, r6, c5);
      if (!Array.isArray(d3)) return this.ut = a3, p4;
      const h5 = this.ut ??= [], v3 = [];
      let m3, y3, x2 = 0, j2 = d3.length - 1, k2 = 0, w2 = p4.length - 1;
      for (; x2 <= j2 && k2 <= w2; ) if (null === d3[x2]) x2++;
      else if (null === d3[j2]) j2--;
      else if (h5[x2] === a3[k2]) v3[k2] = u3(d3[x2], p4[k2]), x2++, k2++;
      else if (h5[j2] === a3[w2]) v3[w2] = u3(d3[j2], p4[w2]), j2--, w2--;
      else if (h5[x2] === a3[w2]) v3[w2] = u3(d3[x2], p4[w2]), v2(s5, v3[w2 + 1], d3[x2]), x2++, w2--;
      else if (h5[j2] === a3[k2]) v3[k2] = u3(d3[j2], p4[k2]), v2(s5, d3[x2], d3[j2]), j2--, k2++;
      else if (void 0 === m3 && (m3 = u4(a3, k2, w2), y3 = u4(h5, x2, j2)), m3.has(h5[x2])) if (m3.has(h5[j2])) {
        const e8 = y3.get(a3[k2]), t6 = void 0 !== e8 ? d3[e8] : null;
        if (null === t6) {
          const e9 = v2(s5, d3[x2]);
          u3(e9, p4[k2]), v3[k2] = e9;
        } else v3[k2] = u3(t6, p4[k2]), v2(s5, d3[x2], t6), d3[e8] = null;
        k2++;
      } else h3(d3[j2]), j2--;
      else h3(d3[x2]), x2++;
      for (; k2 <= w2; ) {
        const e8 = v2(s5, v3[w2 + 1]);
        u3(e8, p4[k2]), v3[k2++] = e8;
      }
      for (; x2 <= j2; ) {
        const e8 = d3[x2++];
        null !== e8 && h3(e8);
      }
      return this.ut = a3, p3(s5, v3), E;
    }
  });

  // node_modules/lit-html/directives/when.js
  function n5(n6, r6, t5) {
    return n6 ? r6(n6) : t5?.(n6);
  }

  // node_modules/@vscode-elements/elements/dist/vscode-option/vscode-option.styles.js
  var vscode_option_styles_default = default_styles_default;

  // node_modules/@vscode-elements/elements/dist/vscode-option/vscode-option.js
  var __decorate5 = function(decorators, target, key, desc) {
    var c5 = arguments.length, r6 = c5 < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d3;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r6 = Reflect.decorate(decorators, target, key, desc);
    else for (var i7 = decorators.length - 1; i7 >= 0; i7--) if (d3 = decorators[i7]) r6 = (c5 < 3 ? d3(r6) : c5 > 3 ? d3(target, key, r6) : d3(target, key)) || r6;
    return c5 > 3 && r6 && Object.defineProperty(target, key, r6), r6;
  };
  var VscodeOption = class VscodeOption2 extends VscElement {
    constructor() {
      super(...arguments);
      this.description = "";
      this.selected = false;
      this.disabled = false;
      this._initialized = false;
      this._handleSlotChange = () => {
        if (this._initialized) {
          this.dispatchEvent(new Event("vsc-option-state-change", { bubbles: true }));
        }
      };
    }
    connectedCallback() {
      super.connectedCallback();
      this.updateComplete.then(() => {
        this._initialized = true;
      });
    }
    willUpdate(changedProperties) {
      if (this._initialized && (changedProperties.has("description") || changedProperties.has("value") || changedProperties.has("selected") || changedProperties.has("disabled"))) {
        this.dispatchEvent(new Event("vsc-option-state-change", { bubbles: true }));
      }
    }
    render() {
      return b2`<slot @slotchange=${this._handleSlotChange}></slot>`;
    }
  };
  VscodeOption.styles = vscode_option_styles_default;
  __decorate5([
    n4({ type: String })
  ], VscodeOption.prototype, "value", void 0);
  __decorate5([
    n4({ type: String })
  ], VscodeOption.prototype, "description", void 0);
  __decorate5([
    n4({ type: Boolean, reflect: true })
  ], VscodeOption.prototype, "selected", void 0);
  __decorate5([
    n4({ type: Boolean, reflect: true })
  ], VscodeOption.prototype, "disabled", void 0);
  VscodeOption = __decorate5([
    customElement("vscode-option")
  ], VscodeOption);

  // node_modules/@vscode-elements/elements/dist/includes/vscode-select/helpers.js
  var startsWithPerTermSearch = (subject, pattern) => {
    const result = {
      match: false,
      ranges: []
    };
    const lcSubject = subject.toLowerCase();
    const lcPattern = pattern.toLowerCase();
    const terms = lcSubject.split(" ");
    let offset = 0;
    terms.forEach((t5, i7) => {
      if (i7 > 0) {
        offset += terms[i7 - 1].length + 1;
      }
      if (result.match) {
        return;
      }
      const foundIndex = t5.indexOf(lcPattern);
      const patternLength = lcPattern.length;
      if (foundIndex === 0) {
        result.match = true;
        result.ranges.push([
          offset + foundIndex,
          Math.min(offset + foundIndex + patternLength, subject.length)
        ]);
      }
    });
    return result;
  };
  var startsWithSearch = (subject, pattern) => {
    const result = {
      match: false,
      ranges: []
    };
    const foundIndex = subject.toLowerCase().indexOf(pattern.toLowerCase());
    if (foundIndex === 0) {
      result.match = true;
      result.ranges = [[0, pattern.length]];
    }
    return result;
  };
  var containsSearch = (subject, pattern) => {
    const result = {
      match: false,
      ranges: []
    };
    const foundIndex = subject.toLowerCase().indexOf(pattern.toLowerCase());
    if (foundIndex > -1) {
      result.match = true;
      result.ranges = [[foundIndex, foundIndex + pattern.length]];
    }
    return result;
  };
  var fuzzySearch = (subject, pattern) => {
    const result = {
      match: false,
      ranges: []
    };
    let fromIndex = 0;
    let foundIndex = 0;
    const iMax = pattern.length - 1;
    const lcSubject = subject.toLowerCase();
    const lcPattern = pattern.toLowerCase();
    for (let i7 = 0; i7 <= iMax; i7++) {
      foundIndex = lcSubject.indexOf(lcPattern[i7], fromIndex);
      if (foundIndex === -1) {
        return {
          match: false,
          ranges: []
        };
      }
      result.match = true;
      result.ranges.push([foundIndex, foundIndex + 1]);
      fromIndex = foundIndex + 1;
    }
    return result;
  };
  var filterOptionsByPattern = (list, pattern, method) => {
    const filtered = [];
    list.forEach((op) => {
      let result;
      switch (method) {
        case "startsWithPerTerm":
          result = startsWithPerTermSearch(op.label, pattern);
          break;
        case "startsWith":
          result = startsWithSearch(op.label, pattern);
          break;
        case "contains":
          result = containsSearch(op.label, pattern);
          break;
        default:
          result = fuzzySearch(op.label, pattern);
      }
      if (result.match) {
        filtered.push({ ...op, ranges: result.ranges });
      }
    });
    return filtered;
  };
  var preventSpaces = (text2) => {
    const res = [];
    if (text2 === " ") {
      res.push(b2`&nbsp;`);
      return res;
    }
    if (text2.indexOf(" ") === 0) {
      res.push(b2`&nbsp;`);
    }
    res.push(b2`${text2.trimStart().trimEnd()}`);
    if (text2.lastIndexOf(" ") === text2.length - 1) {
      res.push(b2`&nbsp;`);
    }
    return res;
  };
  var highlightRanges = (text2, ranges) => {
    const res = [];
    const rl = ranges.length;
    if (rl < 1) {
      return b2`${text2}`;
    }
    ranges.forEach((r6, i7) => {
      const match = text2.substring(r6[0], r6[1]);
      if (i7 === 0 && r6[0] !== 0) {
        res.push(...preventSpaces(text2.substring(0, ranges[0][0])));
      }
      if (i7 > 0 && i7 < rl && r6[0] - ranges[i7 - 1][1] !== 0) {
        res.push(...preventSpaces(text2.substring(ranges[i7 - 1][1], r6[0])));
      }
      res.push(b2`<b>${preventSpaces(match)}</b>`);
      if (i7 === rl - 1 && r6[1] < text2.length) {
        res.push(...preventSpaces(text2.substring(r6[1], text2.length)));
      }
    });
    return res;
  };

  // node_modules/@vscode-elements/elements/dist/includes/vscode-select/OptionListController.js
  var OptionListController = class {
    constructor(host) {
      this._activeIndex = -1;
      this._options = [];
      this._filterPattern = "";
      this._filterMethod = "fuzzy";
      this._combobox = false;
      this._indexByValue = /* @__PURE__ */ new Map();
      this._indexByLabel = /* @__PURE__ */ new Map();
      this._selectedIndex = -1;
      this._selectedIndexes = /* @__PURE__ */ new Set();
      this._multiSelect = false;
      this._numOfVisibleOptions = 0;
      (this._host = host).addController(this);
    }
    hostConnected() {
    }
    //#region getters/setters
    get activeIndex() {
      return this._activeIndex;
    }
    set activeIndex(index) {
      this._activeIndex = index;
      this._host.requestUpdate();
    }
    get relativeActiveIndex() {
      return this._options[this._activeIndex]?.filteredIndex ?? -1;
    }
    set comboboxMode(enabled) {
      this._combobox = enabled;
      this._host.requestUpdate();
    }
    get comboboxMode() {
      return this._combobox;
    }
    get multiSelect() {
      return this._multiSelect;
    }
    set multiSelect(multiSelect) {
      this._selectedIndex = -1;
      this._selectedIndexes.clear();
      this._multiSelect = multiSelect;
      this._host.requestUpdate();
    }
    get selectedIndex() {
      return this._selectedIndex;
    }
    set selectedIndex(index) {
      if (this._selectedIndex !== -1 && this._options[this._selectedIndex]) {
        this._options[this._selectedIndex].selected ??= false;
      }
      const op = this.getOptionByIndex(index);
      this._selectedIndex = op ? index : -1;
      this._host.requestUpdate();
    }
    get selectedIndexes() {
      return Array.from(this._selectedIndexes);
    }
    set selectedIndexes(value) {
      this._selectedIndexes.forEach((v3) => {
        this._options[v3].selected = false;
      });
      this._selectedIndexes = new Set(value);
      value.forEach((v3) => {
        if (this._options[v3] !== void 0) {
          this._options[v3].selected = true;
        }
      });
      this._host.requestUpdate();
    }
    set value(newValue) {
      if (this._multiSelect) {
        const valueList = newValue.map((v3) => this._indexByValue.get(v3)).filter((v3) => v3 !== void 0);
        this._selectedIndexes = new Set(valueList);
      } else {
        this._selectedIndex = this._indexByValue.get(newValue) ?? -1;
      }
      this._host.requestUpdate();
    }
    get value() {
      if (this._multiSelect) {
        return this._selectedIndexes.size > 0 ? Array.from(this._selectedIndexes).filter((i7) => i7 >= 0 && i7 < this._options.length).map((v3) => this._options[v3].value) : [];
      } else {
        return this._selectedIndex > -1 && this._selectedIndex < this._options.length ? this._options[this._selectedIndex].value : "";
      }
    }
    set multiSelectValue(newValue) {
      const valueList = newValue.map((v3) => this._indexByValue.get(v3)).filter((v3) => v3 !== void 0);
      this._selectedIndexes = new Set(valueList);
    }
    get multiSelectValue() {
      return this._selectedIndexes.size > 0 ? Array.from(this._selectedIndexes).map((v3) => this._options[v3].value) : [];
    }
    get filterPattern() {
      return this._filterPattern;
    }
    set filterPattern(pattern) {
      if (pattern !== this._filterPattern) {
        this._filterPattern = pattern;
        this._updateState();
      }
    }
    get filterMethod() {
      return this._filterMethod;
    }
    set filterMethod(method) {
      if (method !== this._filterMethod) {
        this._filterMethod = method;
        this._updateState();
      }
    }
    get options() {
      return this._options;
    }
    get numOfVisibleOptions() {
      return this._numOfVisibleOptions;
    }
    get numOptions() {
      return this._options.length;
    }
    //#endregion
    //#region public functions
    populate(options) {
      this._indexByValue.clear();
      this._indexByLabel.clear();
      this._options = options.map((op, index) => {
        this._indexByValue.set(op.value ?? "", index);
        this._indexByLabel.set(op.label ?? "", index);
        return {
          description: op.description ?? "",
          disabled: op.disabled ?? false,
          label: op.label ?? "",
          selected: op.selected ?? false,
          value: op.value ?? "",
          index,
          filteredIndex: index,
          ranges: [],
          visible: true
        };
      });
      this._numOfVisibleOptions = this._options.length;
    }
    add(option) {
      const nextIndex = this._options.length;
      const { description, disabled, label, selected, value } = option;
      let visible = true;
      let ranges = [];
      if (this._combobox && this._filterPattern !== "") {
        const res = this._searchByPattern(label ?? "");
        visible = res.match;
        ranges = res.ranges;
      }
      this._indexByValue.set(value ?? "", nextIndex);
      this._indexByLabel.set(label ?? "", nextIndex);
      if (selected) {
        this._selectedIndex = nextIndex;
        this._selectedIndexes.add(nextIndex);
        this._activeIndex = nextIndex;
      }
      this._options.push({
        index: nextIndex,
        filteredIndex: nextIndex,
        description: description ?? "",
        disabled: disabled ?? false,
        label: label ?? "",
        selected: selected ?? false,
        value: value ?? "",
        visible,
        ranges
      });
      if (visible) {
        this._numOfVisibleOptions += 1;
      }
    }
    clear() {
      this._options = [];
      this._indexByValue.clear();
      this._indexByLabel.clear();
      this._numOfVisibleOptions = 0;
      this._selectedIndex = -1;
      this._selectedIndexes.clear();
      this._activeIndex = -1;
    }
    getIsIndexSelected(index) {
      if (this._multiSelect) {
        return this._selectedIndexes.has(index);
      } else {
        return this._selectedIndex === index;
      }
    }
    expandMultiSelection(values) {
      values.forEach((v3) => {
        const foundIndex = this._indexByValue.get(v3) ?? -1;
        if (foundIndex !== -1) {
          this._selectedIndexes.add(foundIndex);
        }
      });
      this._host.requestUpdate();
    }
    toggleActiveMultiselectOption() {
      const activeOption = this._options[this._activeIndex] ?? null;
      if (!activeOption) {
        return;
      }
      const checked = this._selectedIndexes.has(activeOption.index);
      if (checked) {
        this._selectedIndexes.delete(activeOption.index);
      } else {
        this._selectedIndexes.add(activeOption.index);
      }
      this._host.requestUpdate();
    }
    toggleOptionSelected(optIndex) {
      const checked = this._selectedIndexes.has(optIndex);
      this._options[optIndex].selected = !this._options[optIndex].selected;
      if (checked) {
        this._selectedIndexes.delete(optIndex);
      } else {
        this._selectedIndexes.add(optIndex);
      }
      this._host.requestUpdate();
    }
    getActiveOption() {
      return this._options[this._activeIndex] ?? null;
    }
    getSelectedOption() {
      return this._options[this._selectedIndex] ?? null;
    }
    getOptionByIndex(index) {
      return this._options[index] ?? null;
    }
    findOptionIndex(value) {
      return this._indexByValue.get(value) ?? -1;
    }
    getOptionByValue(value, includeHiddenOptions = false) {
      const index = this._indexByValue.get(value) ?? -1;
      if (index === -1) {
        return null;
      }
      if (!includeHiddenOptions) {
        return this._options[index].visible ? this._options[index] : null;
      }
      return this._options[index];
    }
    getOptionByLabel(label) {
      const index = this._indexByLabel.get(label) ?? -1;
      if (index === -1) {
        return null;
      }
      return this._options[index];
    }
    next(fromIndex) {
      const from = fromIndex ?? this._activeIndex;
      let nextIndex = -1;
      for (let i7 = from + 1; i7 < this._options.length; i7++) {
        if (this._options[i7] && !this._options[i7].disabled && this._options[i7].visible) {
          nextIndex = i7;
          break;
        }
      }
      return nextIndex > -1 ? this._options[nextIndex] : null;
    }
    prev(fromIndex) {
      const from = fromIndex ?? this._activeIndex;
      let prevIndex = -1;
      for (let i7 = from - 1; i7 >= 0; i7--) {
        if (this._options[i7] && !this._options[i7].disabled && this._options[i7].visible) {
          prevIndex = i7;
          break;
        }
      }
      return prevIndex > -1 ? this._options[prevIndex] : null;
    }
    activateDefault() {
      if (this._multiSelect) {
        if (this._selectedIndexes.size > 0) {
          const indexes = this._selectedIndexes.values();
          const first = indexes.next();
          this._activeIndex = first.value ? first.value : 0;
        }
      } else {
        if (this._selectedIndex > -1) {
          this._activeIndex = this._selectedIndex;
        } else {
          this._activeIndex = 0;
        }
      }
      this._host.requestUpdate();
    }
    selectAll() {
      if (!this._multiSelect) {
        return;
      }
      this._options.forEach((_2, i7) => {
        this._options[i7].selected = true;
        this._selectedIndexes.add(i7);
      });
      this._host.requestUpdate();
    }
    selectNone() {
      if (!this._multiSelect) {
        return;
      }
      this._options.forEach((_2, i7) => {
        this._options[i7].selected = false;
      });
      this._selectedIndexes.clear();
      this._host.requestUpdate();
    }
    //#endregion
    //#region private functions
    _searchByPattern(text2) {
      let result;
      switch (this._filterMethod) {
        case "startsWithPerTerm":
          result = startsWithPerTermSearch(text2, this._filterPattern);
          break;
        case "startsWith":
          result = startsWithSearch(text2, this._filterPattern);
          break;
        case "contains":
          result = containsSearch(text2, this._filterPattern);
          break;
        default:
          result = fuzzySearch(text2, this._filterPattern);
      }
      return result;
    }
    _updateState() {
      if (!this._combobox || this._filterPattern === "") {
        this._options.forEach((_2, i7) => {
          this._options[i7].visible = true;
          this._options[i7].ranges = [];
        });
        this._numOfVisibleOptions = this._options.length;
      } else {
        let filteredListNextIndex = -1;
        this._numOfVisibleOptions = 0;
        this._options.forEach(({ label }, i7) => {
          const result = this._searchByPattern(label);
          this._options[i7].visible = result.match;
          this._options[i7].ranges = result.ranges;
          this._options[i7].filteredIndex = result.match ? ++filteredListNextIndex : -1;
          if (result.match) {
            this._numOfVisibleOptions += 1;
          }
        });
      }
      this._host.requestUpdate();
    }
  };

  // node_modules/@vscode-elements/elements/dist/vscode-scrollable/vscode-scrollable.styles.js
  var styles5 = [
    default_styles_default,
    i`
    :host {
      display: block;
      position: relative;
    }

    .scrollable-container {
      height: 100%;
      overflow: auto;
    }

    .scrollable-container::-webkit-scrollbar {
      cursor: default;
      width: 0;
    }

    .scrollable-container {
      scrollbar-width: none;
    }

    .shadow {
      box-shadow: var(--vscode-scrollbar-shadow, #000000) 0 6px 6px -6px inset;
      display: none;
      height: 3px;
      left: 0;
      pointer-events: none;
      position: absolute;
      top: 0;
      z-index: 1;
      width: 100%;
    }

    .shadow.visible {
      display: block;
    }

    .scrollbar-track {
      height: 100%;
      position: absolute;
      right: 0;
      top: 0;
      width: 10px;
      z-index: 100;
    }

    .scrollbar-track.hidden {
      display: none;
    }

    .scrollbar-thumb {
      background-color: transparent;
      min-height: var(--min-thumb-height, 20px);
      opacity: 0;
      position: absolute;
      right: 0;
      width: 10px;
    }

    .scrollbar-thumb.visible {
      background-color: var(
        --vscode-scrollbarSlider-background,
        rgba(121, 121, 121, 0.4)
      );
      opacity: 1;
      transition: opacity 100ms;
    }

    .scrollbar-thumb.fade {
      background-color: var(
        --vscode-scrollbarSlider-background,
        rgba(121, 121, 121, 0.4)
      );
      opacity: 0;
      transition: opacity 800ms;
    }

    .scrollbar-thumb.visible:hover {
      background-color: var(
        --vscode-scrollbarSlider-hoverBackground,
        rgba(100, 100, 100, 0.7)
      );
    }

    .scrollbar-thumb.visible.active,
    .scrollbar-thumb.visible.active:hover {
      background-color: var(
        --vscode-scrollbarSlider-activeBackground,
        rgba(191, 191, 191, 0.4)
      );
    }

    .prevent-interaction {
      bottom: 0;
      left: 0;
      right: 0;
      top: 0;
      position: absolute;
      z-index: 99;
    }

    .content {
      overflow: hidden;
    }
  `
  ];
  var vscode_scrollable_styles_default = styles5;

  // node_modules/@vscode-elements/elements/dist/vscode-scrollable/vscode-scrollable.js
  var __decorate6 = function(decorators, target, key, desc) {
    var c5 = arguments.length, r6 = c5 < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d3;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r6 = Reflect.decorate(decorators, target, key, desc);
    else for (var i7 = decorators.length - 1; i7 >= 0; i7--) if (d3 = decorators[i7]) r6 = (c5 < 3 ? d3(r6) : c5 > 3 ? d3(target, key, r6) : d3(target, key)) || r6;
    return c5 > 3 && r6 && Object.defineProperty(target, key, r6), r6;
  };
  var VscodeScrollable = class VscodeScrollable2 extends VscElement {
    /**
     * Scroll position.
     */
    set scrollPos(val) {
      this._scrollPos = this._limitScrollPos(val);
      this._updateScrollbar();
      this._updateThumbPosition();
      this.requestUpdate();
    }
    get scrollPos() {
      return this._scrollPos;
    }
    /**
     * The maximum amount of the `scrollPos`.
     */
    get scrollMax() {
      if (!this._scrollableContainer) {
        return 0;
      }
      return this._scrollableContainer.scrollHeight - this._scrollableContainer.clientHeight;
    }
    //#region lifecycle methods
    constructor() {
      super();
      this.alwaysVisible = false;
      this.fastScrollSensitivity = 5;
      this.minThumbSize = 20;
      this.mouseWheelScrollSensitivity = 1;
      this.shadow = true;
      this.scrolled = false;
      this._scrollPos = 0;
      this._isDragging = false;
      this._thumbHeight = 0;
      this._thumbY = 0;
      this._thumbVisible = false;
      this._thumbFade = false;
      this._thumbActive = false;
      this._componentHeight = 0;
      this._contentHeight = 0;
      this._scrollThumbStartY = 0;
      this._mouseStartY = 0;
      this._scrollbarVisible = true;
      this._scrollbarTrackZ = 0;
      this._resizeObserverCallback = () => {
        this._componentHeight = this.offsetHeight;
        this._contentHeight = this._contentElement.offsetHeight;
        this._updateScrollbar();
        this._updateThumbPosition();
      };
      this._handleSlotChange = () => {
        this._updateScrollbar();
        this._updateThumbPosition();
        this._zIndexFix();
      };
      this._handleScrollThumbMouseMove = (event) => {
        const rawThumbPos = this._scrollThumbStartY + (event.screenY - this._mouseStartY);
        this._thumbY = this._limitThumbPos(rawThumbPos);
        this.scrollPos = this._calculateScrollPosFromThumbPos(this._thumbY);
        this.dispatchEvent(new CustomEvent("vsc-scrollable-scroll", {
          detail: this.scrollPos
        }));
      };
      this._handleScrollThumbMouseUp = (event) => {
        this._isDragging = false;
        this._thumbActive = false;
        const cr = this.getBoundingClientRect();
        const { x: x2, y: y3, width, height } = cr;
        const { pageX, pageY } = event;
        if (pageX > x2 + width || pageX < x2 || pageY > y3 + height || pageY < y3) {
          this._thumbFade = true;
          this._thumbVisible = false;
        }
        document.removeEventListener("mousemove", this._handleScrollThumbMouseMove);
        document.removeEventListener("mouseup", this._handleScrollThumbMouseUp);
      };
      this._handleComponentMouseOver = () => {
        this._thumbVisible = true;
        this._thumbFade = false;
      };
      this._handleComponentMouseOut = () => {
        if (!this._thumbActive) {
          this._thumbVisible = false;
          this._thumbFade = true;
        }
      };
      this._handleComponentWheel = (ev) => {
        if (this._contentHeight <= this._componentHeight) {
          return;
        }
        ev.preventDefault();
        const multiplier = ev.altKey ? this.mouseWheelScrollSensitivity * this.fastScrollSensitivity : this.mouseWheelScrollSensitivity;
        this.scrollPos = this._limitScrollPos(this.scrollPos + ev.deltaY * multiplier);
        this.dispatchEvent(new CustomEvent("vsc-scrollable-scroll", {
          detail: this.scrollPos
        }));
      };
      this._handleScrollableContainerScroll = (ev) => {
        if (ev.currentTarget) {
          this.scrollPos = ev.currentTarget.scrollTop;
        }
      };
      this.addEventListener("mouseover", this._handleComponentMouseOver);
      this.addEventListener("mouseout", this._handleComponentMouseOut);
      this.addEventListener("wheel", this._handleComponentWheel);
    }
    connectedCallback() {
      super.connectedCallback();
      this._hostResizeObserver = new ResizeObserver(this._resizeObserverCallback);
      this._contentResizeObserver = new ResizeObserver(this._resizeObserverCallback);
      this.requestUpdate();
      this.updateComplete.then(() => {
        this._hostResizeObserver.observe(this);
        this._contentResizeObserver.observe(this._contentElement);
        this._updateThumbPosition();
      });
    }
    disconnectedCallback() {
      super.disconnectedCallback();
      this._hostResizeObserver.unobserve(this);
      this._hostResizeObserver.disconnect();
      this._contentResizeObserver.unobserve(this._contentElement);
      this._contentResizeObserver.disconnect();
    }
    firstUpdated(_changedProperties) {
      this._updateThumbPosition();
    }
    _calcThumbHeight() {
      const componentHeight = this.offsetHeight;
      const contentHeight = this._contentElement?.offsetHeight ?? 0;
      const proposedSize = componentHeight * (componentHeight / contentHeight);
      return Math.max(this.minThumbSize, proposedSize);
    }
    _updateScrollbar() {
      const contentHeight = this._contentElement?.offsetHeight ?? 0;
      const componentHeight = this.offsetHeight;
      if (componentHeight >= contentHeight) {
        this._scrollbarVisible = false;
      } else {
        this._scrollbarVisible = true;
        this._thumbHeight = this._calcThumbHeight();
      }
      this.requestUpdate();
    }
    _zIndexFix() {
      let highestZ = 0;
      this._assignedElements.forEach((n6) => {
        if ("style" in n6) {
          const computedZIndex = window.getComputedStyle(n6).zIndex;
          const isNumber = /([0-9-])+/g.test(computedZIndex);
          if (isNumber) {
            highestZ = Number(computedZIndex) > highestZ ? Number(computedZIndex) : highestZ;
          }
        }
      });
      this._scrollbarTrackZ = highestZ + 1;
      this.requestUpdate();
    }
    _updateThumbPosition() {
      if (!this._scrollableContainer) {
        return;
      }
      this.scrolled = this.scrollPos > 0;
      const componentH = this.offsetHeight;
      const thumbH = this._thumbHeight;
      const contentH = this._contentElement.offsetHeight;
      const overflown = contentH - componentH;
      const ratio = this.scrollPos / overflown;
      const thumbYMax = componentH - thumbH;
      this._thumbY = Math.min(ratio * (componentH - thumbH), thumbYMax);
    }
    _calculateScrollPosFromThumbPos(scrollPos) {
      const cmpH = this.getBoundingClientRect().height;
      const thumbH = this._scrollThumbElement.getBoundingClientRect().height;
      const contentH = this._contentElement.getBoundingClientRect().height;
      const rawScrollPos = scrollPos / (cmpH - thumbH) * (contentH - cmpH);
      return this._limitScrollPos(rawScrollPos);
    }
    _limitScrollPos(newPos) {
      if (newPos < 0) {
        return 0;
      } else if (newPos > this.scrollMax) {
        return this.scrollMax;
      } else {
        return newPos;
      }
    }
    _limitThumbPos(newPos) {
      const cmpH = this.getBoundingClientRect().height;
      const thumbH = this._scrollThumbElement.getBoundingClientRect().height;
      if (newPos < 0) {
        return 0;
      } else if (newPos > cmpH - thumbH) {
        return cmpH - thumbH;
      } else {
        return newPos;
      }
    }
    _handleScrollThumbMouseDown(event) {
      const cmpCr = this.getBoundingClientRect();
      const thCr = this._scrollThumbElement.getBoundingClientRect();
      this._mouseStartY = event.screenY;
      this._scrollThumbStartY = thCr.top - cmpCr.top;
      this._isDragging = true;
      this._thumbActive = true;
      document.addEventListener("mousemove", this._handleScrollThumbMouseMove);
      document.addEventListener("mouseup", this._handleScrollThumbMouseUp);
    }
    _handleScrollbarTrackPress(ev) {
      if (ev.target !== ev.currentTarget) {
        return;
      }
      this._thumbY = ev.offsetY - this._thumbHeight / 2;
      this.scrollPos = this._calculateScrollPosFromThumbPos(this._thumbY);
    }
    //#endregion
    render() {
      return b2`
      <div
        class="scrollable-container"
        .style=${stylePropertyMap({
        userSelect: this._isDragging ? "none" : "auto"
      })}
        .scrollTop=${this.scrollPos}
        @scroll=${this._handleScrollableContainerScroll}
      >
        <div
          class=${e7({ shadow: true, visible: this.scrolled })}
          .style=${stylePropertyMap({
        zIndex: String(this._scrollbarTrackZ)
      })}
        ></div>
        ${this._isDragging ? b2`<div class="prevent-interaction"></div>` : A}
        <div
          class=${e7({
        "scrollbar-track": true,
        hidden: !this._scrollbarVisible
      })}
          @mousedown=${this._handleScrollbarTrackPress}
        >
          <div
            class=${e7({
        "scrollbar-thumb": true,
        visible: this.alwaysVisible ? true : this._thumbVisible,
        fade: this.alwaysVisible ? false : this._thumbFade,
        active: this._thumbActive
      })}
            .style=${stylePropertyMap({
        height: `${this._thumbHeight}px`,
        top: `${this._thumbY}px`
      })}
            @mousedown=${this._handleScrollThumbMouseDown}
          ></div>
        </div>
        <div class="content">
          <slot @slotchange=${this._handleSlotChange}></slot>
        </div>
      </div>
    `;
    }
  };
  VscodeScrollable.styles = vscode_scrollable_styles_default;
  __decorate6([
    n4({ type: Boolean, reflect: true, attribute: "always-visible" })
  ], VscodeScrollable.prototype, "alwaysVisible", void 0);
  __decorate6([
    n4({ type: Number, attribute: "fast-scroll-sensitivity" })
  ], VscodeScrollable.prototype, "fastScrollSensitivity", void 0);
  __decorate6([
    n4({ type: Number, attribute: "min-thumb-size" })
  ], VscodeScrollable.prototype, "minThumbSize", void 0);
  __decorate6([
    n4({ type: Number, attribute: "mouse-wheel-scroll-sensitivity" })
  ], VscodeScrollable.prototype, "mouseWheelScrollSensitivity", void 0);
  __decorate6([
    n4({ type: Boolean, reflect: true })
  ], VscodeScrollable.prototype, "shadow", void 0);
  __decorate6([
    n4({ type: Boolean, reflect: true })
  ], VscodeScrollable.prototype, "scrolled", void 0);
  __decorate6([
    n4({ type: Number, attribute: "scroll-pos" })
  ], VscodeScrollable.prototype, "scrollPos", null);
  __decorate6([
    r5()
  ], VscodeScrollable.prototype, "_isDragging", void 0);
  __decorate6([
    r5()
  ], VscodeScrollable.prototype, "_thumbHeight", void 0);
  __decorate6([
    r5()
  ], VscodeScrollable.prototype, "_thumbY", void 0);
  __decorate6([
    r5()
  ], VscodeScrollable.prototype, "_thumbVisible", void 0);
  __decorate6([
    r5()
  ], VscodeScrollable.prototype, "_thumbFade", void 0);
  __decorate6([
    r5()
  ], VscodeScrollable.prototype, "_thumbActive", void 0);
  __decorate6([
    e5(".content")
  ], VscodeScrollable.prototype, "_contentElement", void 0);
  __decorate6([
    e5(".scrollbar-thumb", true)
  ], VscodeScrollable.prototype, "_scrollThumbElement", void 0);
  __decorate6([
    e5(".scrollable-container")
  ], VscodeScrollable.prototype, "_scrollableContainer", void 0);
  __decorate6([
    o6()
  ], VscodeScrollable.prototype, "_assignedElements", void 0);
  VscodeScrollable = __decorate6([
    customElement("vscode-scrollable")
  ], VscodeScrollable);

  // node_modules/@vscode-elements/elements/dist/includes/vscode-select/vscode-select-base.js
  var __decorate7 = function(decorators, target, key, desc) {
    var c5 = arguments.length, r6 = c5 < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d3;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r6 = Reflect.decorate(decorators, target, key, desc);
    else for (var i7 = decorators.length - 1; i7 >= 0; i7--) if (d3 = decorators[i7]) r6 = (c5 < 3 ? d3(r6) : c5 > 3 ? d3(target, key, r6) : d3(target, key)) || r6;
    return c5 > 3 && r6 && Object.defineProperty(target, key, r6), r6;
  };
  var VISIBLE_OPTS = 10;
  var OPT_HEIGHT = 22;
  var VscodeSelectBase = class extends VscElement {
    /**
     * Options can be filtered by typing into a text input field.
     */
    set combobox(enabled) {
      this._opts.comboboxMode = enabled;
    }
    get combobox() {
      return this._opts.comboboxMode;
    }
    /**
     * The element cannot be used and is not focusable.
     */
    set disabled(newState) {
      this._disabled = newState;
      this.ariaDisabled = newState ? "true" : "false";
      if (newState === true) {
        this._originalTabIndex = this.tabIndex;
        this.tabIndex = -1;
      } else {
        this.tabIndex = this._originalTabIndex ?? 0;
        this._originalTabIndex = void 0;
      }
      this.requestUpdate();
    }
    get disabled() {
      return this._disabled;
    }
    /**
     * Search method in the filtered list within the combobox mode.
     *
     * - contains - The list item includes the searched pattern at any position.
     * - fuzzy - The list item contains the letters of the search pattern in the same order, but at any position.
     * - startsWith - The search pattern matches the beginning of the searched text.
     * - startsWithPerTerm - The search pattern matches the beginning of any word in the searched text.
     *
     * @default 'fuzzy'
     */
    set filter(val) {
      const validValues = [
        "contains",
        "fuzzy",
        "startsWith",
        "startsWithPerTerm"
      ];
      let fm;
      if (validValues.includes(val)) {
        fm = val;
      } else {
        this.warn(`Invalid filter: "${val}", fallback to default. Valid values are: "contains", "fuzzy", "startsWith", "startsWithPerm".`);
        fm = "fuzzy";
      }
      this._opts.filterMethod = fm;
    }
    get filter() {
      return this._opts.filterMethod;
    }
    /**
     * @attr [options=[]]
     * @type {Option[]}
     */
    set options(opts) {
      this._opts.populate(opts);
    }
    get options() {
      return this._opts.options.map(({ label, value, description, selected, disabled }) => ({
        label,
        value,
        description,
        selected,
        disabled
      }));
    }
    //#region lifecycle callbacks
    constructor() {
      super();
      this.creatable = false;
      this.label = "";
      this.invalid = false;
      this.focused = false;
      this.open = false;
      this.position = "below";
      this._prevXPos = 0;
      this._prevYPos = 0;
      this._opts = new OptionListController(this);
      this._firstUpdateCompleted = false;
      this._currentDescription = "";
      this._filter = "fuzzy";
      this._selectedIndexes = [];
      this._options = [];
      this._value = "";
      this._values = [];
      this._isPlaceholderOptionActive = false;
      this._isBeingFiltered = false;
      this._optionListScrollPos = 0;
      this._isHoverForbidden = false;
      this._disabled = false;
      this._originalTabIndex = void 0;
      this._onMouseMove = () => {
        this._isHoverForbidden = false;
        window.removeEventListener("mousemove", this._onMouseMove);
      };
      this._onOptionListScroll = (ev) => {
        this._optionListScrollPos = ev.detail;
      };
      this._onComponentKeyDown = (event) => {
        if ([" ", "ArrowUp", "ArrowDown", "Escape"].includes(event.key)) {
          event.stopPropagation();
          event.preventDefault();
        }
        if (event.key === "Enter") {
          this._onEnterKeyDown(event);
        }
        if (event.key === " ") {
          this._onSpaceKeyDown();
        }
        if (event.key === "Escape") {
          this._onEscapeKeyDown();
        }
        if (event.key === "ArrowUp") {
          this._onArrowUpKeyDown();
        }
        if (event.key === "ArrowDown") {
          this._onArrowDownKeyDown();
        }
      };
      this._onComponentFocus = () => {
        this.focused = true;
      };
      this._onComponentBlur = () => {
        this.focused = false;
      };
      this._handleWindowScroll = () => {
        const { x: x2, y: y3 } = this.getBoundingClientRect();
        if (x2 !== this._prevXPos || y3 !== this._prevYPos) {
          this.open = false;
        }
      };
      this.addEventListener("vsc-option-state-change", (ev) => {
        ev.stopPropagation();
        this._setStateFromSlottedElements();
        this.requestUpdate();
      });
    }
    connectedCallback() {
      super.connectedCallback();
      this.addEventListener("keydown", this._onComponentKeyDown);
      this.addEventListener("focus", this._onComponentFocus);
      this.addEventListener("blur", this._onComponentBlur);
      this._setAutoFocus();
    }
    disconnectedCallback() {
      super.disconnectedCallback();
      this.removeEventListener("keydown", this._onComponentKeyDown);
      this.removeEventListener("focus", this._onComponentFocus);
      this.removeEventListener("blur", this._onComponentBlur);
    }
    firstUpdated(_changedProperties) {
      this._firstUpdateCompleted = true;
    }
    willUpdate(changedProperties) {
      if (changedProperties.has("required") && this._firstUpdateCompleted) {
        this._manageRequired();
      }
      if (changedProperties.has("open") && this._firstUpdateCompleted) {
        if (this.open) {
          this._dropdownEl.showPopover();
          const { x: x2, y: y3 } = this.getBoundingClientRect();
          this._prevXPos = x2;
          this._prevYPos = y3;
          window.addEventListener("scroll", this._handleWindowScroll, {
            capture: true
          });
          this._opts.activateDefault();
          this._scrollActiveElementToTop();
        } else {
          this._dropdownEl.hidePopover();
          window.removeEventListener("scroll", this._handleWindowScroll);
        }
      }
    }
    get _filteredOptions() {
      if (!this.combobox || this._opts.filterPattern === "") {
        return this._options;
      }
      return filterOptionsByPattern(this._options, this._opts.filterPattern, this._filter);
    }
    _setAutoFocus() {
      if (this.hasAttribute("autofocus")) {
        if (this.tabIndex < 0) {
          this.tabIndex = 0;
        }
        if (this.combobox) {
          this.updateComplete.then(() => {
            this.shadowRoot?.querySelector(".combobox-input").focus();
          });
        } else {
          this.updateComplete.then(() => {
            this.shadowRoot?.querySelector(".select-face").focus();
          });
        }
      }
    }
    get _isSuggestedOptionVisible() {
      if (!(this.combobox && this.creatable)) {
        return false;
      }
      const filterPatternExistsAsOption = this._opts.getOptionByValue(this._opts.filterPattern) !== null;
      const filtered = this._opts.filterPattern.length > 0;
      return !filterPatternExistsAsOption && filtered;
    }
    _manageRequired() {
    }
    _setStateFromSlottedElements() {
      const optionElements = this._assignedOptions ?? [];
      this._opts.clear();
      optionElements.forEach((el) => {
        const { innerText, description, disabled } = el;
        const value = typeof el.value === "string" ? el.value : innerText.trim();
        const selected = el.selected ?? false;
        const op = {
          label: innerText.trim(),
          value,
          description,
          selected,
          disabled
        };
        this._opts.add(op);
      });
    }
    _createSuggestedOption() {
      const nextSelectedIndex = this._opts.numOptions;
      const op = document.createElement("vscode-option");
      op.value = this._opts.filterPattern;
      D(this._opts.filterPattern, op);
      this.appendChild(op);
      return nextSelectedIndex;
    }
    _dispatchChangeEvent() {
      this.dispatchEvent(new Event("change"));
      this.dispatchEvent(new Event("input"));
    }
    async _createAndSelectSuggestedOption() {
    }
    _toggleComboboxDropdown() {
      this._opts.filterPattern = "";
      this.open = !this.open;
    }
    _scrollActiveElementToTop() {
      this._optionListScrollPos = Math.floor(this._opts.relativeActiveIndex * OPT_HEIGHT);
    }
    async _adjustOptionListScrollPos(direction, optionIndex) {
      let numOpts = this._opts.numOfVisibleOptions;
      const suggestedOptionVisible = this._isSuggestedOptionVisible;
      if (suggestedOptionVisible) {
        numOpts += 1;
      }
      if (numOpts <= VISIBLE_OPTS) {
        return;
      }
      this._isHoverForbidden = true;
      window.addEventListener("mousemove", this._onMouseMove);
      const ulScrollTop = this._optionListScrollPos;
      const liPosY = optionIndex * OPT_HEIGHT;
      const fullyVisible = liPosY >= ulScrollTop && liPosY <= ulScrollTop + VISIBLE_OPTS * OPT_HEIGHT - OPT_HEIGHT;
      if (direction === "down") {
        if (!fullyVisible) {
          this._optionListScrollPos = optionIndex * OPT_HEIGHT - (VISIBLE_OPTS - 1) * OPT_HEIGHT;
        }
      }
      if (direction === "up") {
        if (!fullyVisible) {
          this._optionListScrollPos = Math.floor(this._opts.relativeActiveIndex * OPT_HEIGHT);
        }
      }
    }
    //#region event handlers
    _onFaceClick() {
      this.open = !this.open;
    }
    _handleDropdownToggle(event) {
      this.open = event.newState === "open";
    }
    _onComboboxButtonClick() {
      this._toggleComboboxDropdown();
    }
    _onComboboxButtonKeyDown(ev) {
      if (ev.key === "Enter") {
        this._toggleComboboxDropdown();
      }
    }
    _onOptionMouseOver(ev) {
      if (this._isHoverForbidden) {
        return;
      }
      const el = ev.target;
      if (!el.matches(".option")) {
        return;
      }
      if (el.matches(".placeholder")) {
        this._isPlaceholderOptionActive = true;
        this._opts.activeIndex = -1;
      } else {
        this._isPlaceholderOptionActive = false;
        this._opts.activeIndex = +el.dataset.index;
      }
    }
    _onPlaceholderOptionMouseOut() {
      this._isPlaceholderOptionActive = false;
    }
    _onNoOptionsClick(ev) {
      ev.stopPropagation();
    }
    _onEnterKeyDown(ev) {
      this._isBeingFiltered = false;
      const clickedOnAcceptButton = ev?.composedPath ? ev.composedPath().find((el) => el.matches ? el.matches("vscode-button.button-accept") : false) : false;
      if (clickedOnAcceptButton) {
        return;
      }
    }
    _onSpaceKeyDown() {
      if (!this.open) {
        this.open = true;
        return;
      }
    }
    _onArrowUpKeyDown() {
      if (this.open) {
        if (this._opts.activeIndex <= 0 && !(this.combobox && this.creatable)) {
          return;
        }
        if (this._isPlaceholderOptionActive) {
          const optionIndex = this._opts.numOfVisibleOptions - 1;
          this._opts.activeIndex = optionIndex;
          this._isPlaceholderOptionActive = false;
        } else {
          const prevOp = this._opts.prev();
          if (prevOp !== null) {
            this._opts.activeIndex = prevOp?.index ?? -1;
            const prevSelectableIndex = prevOp?.filteredIndex ?? -1;
            if (prevSelectableIndex > -1) {
              this._adjustOptionListScrollPos("up", prevSelectableIndex);
            }
          }
        }
      } else {
        this.open = true;
        this._opts.activateDefault();
      }
    }
    _onArrowDownKeyDown() {
      let numOpts = this._opts.numOfVisibleOptions;
      const suggestedOptionVisible = this._isSuggestedOptionVisible;
      if (suggestedOptionVisible) {
        numOpts += 1;
      }
      if (this.open) {
        if (this._isPlaceholderOptionActive && this._opts.activeIndex === -1) {
          return;
        }
        const nextOp = this._opts.next();
        if (suggestedOptionVisible && nextOp === null) {
          this._isPlaceholderOptionActive = true;
          this._adjustOptionListScrollPos("down", numOpts - 1);
          this._opts.activeIndex = -1;
        } else if (nextOp !== null) {
          const nextSelectableIndex = nextOp?.filteredIndex ?? -1;
          this._opts.activeIndex = nextOp?.index ?? -1;
          if (nextSelectableIndex > -1) {
            this._adjustOptionListScrollPos("down", nextSelectableIndex);
          }
        }
      } else {
        this.open = true;
        this._opts.activateDefault();
      }
    }
    _onEscapeKeyDown() {
      this.open = false;
    }
    _onSlotChange() {
      this._setStateFromSlottedElements();
      this.requestUpdate();
    }
    _onComboboxInputFocus(ev) {
      ev.target.select();
      this._isBeingFiltered = false;
      this._opts.filterPattern = "";
    }
    _onComboboxInputBlur() {
      this._isBeingFiltered = false;
    }
    _onComboboxInputInput(ev) {
      this._isBeingFiltered = true;
      this._opts.filterPattern = ev.target.value;
      this._opts.activeIndex = -1;
      this.open = true;
    }
    _onComboboxInputClick() {
      this._isBeingFiltered = this._opts.filterPattern !== "";
      this.open = true;
    }
    _onComboboxInputSpaceKeyDown(ev) {
      if (ev.key === " ") {
        ev.stopPropagation();
      }
    }
    _onOptionClick(_ev) {
      this._isBeingFiltered = false;
      return;
    }
    //#endregion
    //#region render functions
    _renderCheckbox(checked, label) {
      const checkboxClasses = {
        "checkbox-icon": true,
        checked
      };
      return b2`<span class=${e7(checkboxClasses)}>${checkIcon}</span
      ><span class="option-label">${label}</span>`;
    }
    _renderOptions() {
      const list = this._opts.options;
      return b2`
      <ul
        aria-label=${o7(this.label ?? void 0)}
        aria-multiselectable=${o7(this._opts.multiSelect ? "true" : void 0)}
        class="options"
        id="select-listbox"
        role="listbox"
        tabindex="-1"
        @click=${this._onOptionClick}
        @mouseover=${this._onOptionMouseOver}
      >
        ${c4(list, (op) => op.index, (op, index) => {
        if (!op.visible) {
          return A;
        }
        const active = op.index === this._opts.activeIndex && !op.disabled;
        const selected = this._opts.getIsIndexSelected(op.index);
        const optionClasses = {
          active,
          disabled: op.disabled,
          option: true,
          "single-select": !this._opts.multiSelect,
          "multi-select": this._opts.multiSelect,
          selected
        };
        const labelText = op.ranges?.length ?? 0 > 0 ? highlightRanges(op.label, op.ranges ?? []) : op.label;
        return b2`
              <li
                aria-selected=${selected ? "true" : "false"}
                class=${e7(optionClasses)}
                data-index=${op.index}
                data-filtered-index=${index}
                id=${`op-${op.index}`}
                role="option"
                tabindex="-1"
              >
                ${n5(this._opts.multiSelect, () => this._renderCheckbox(selected, labelText), () => labelText)}
              </li>
            `;
      })}
        ${this._renderPlaceholderOption(this._opts.numOfVisibleOptions < 1)}
      </ul>
    `;
    }
    _renderPlaceholderOption(isListEmpty) {
      if (!this.combobox) {
        return A;
      }
      const foundOption = this._opts.getOptionByLabel(this._opts.filterPattern);
      if (foundOption) {
        return A;
      }
      if (this.creatable && this._opts.filterPattern.length > 0) {
        return b2`<li
        class=${e7({
          option: true,
          placeholder: true,
          active: this._isPlaceholderOptionActive
        })}
        @mouseout=${this._onPlaceholderOptionMouseOut}
      >
        Add "${this._opts.filterPattern}"
      </li>`;
      } else {
        return isListEmpty ? b2`<li class="no-options" @click=${this._onNoOptionsClick}>
            No options
          </li>` : A;
      }
    }
    _renderDescription() {
      const op = this._opts.getActiveOption();
      if (!op) {
        return A;
      }
      const { description } = op;
      return description ? b2`<div class="description">${description}</div>` : A;
    }
    _renderSelectFace() {
      return b2`${A}`;
    }
    _renderComboboxFace() {
      return b2`${A}`;
    }
    _renderDropdownControls() {
      return b2`${A}`;
    }
    _renderDropdown() {
      const classes = {
        dropdown: true,
        multiple: this._opts.multiSelect,
        open: this.open
      };
      const visibleOptions = this._isSuggestedOptionVisible || this._opts.numOfVisibleOptions === 0 ? this._opts.numOfVisibleOptions + 1 : this._opts.numOfVisibleOptions;
      const scrollPaneHeight = Math.min(visibleOptions * OPT_HEIGHT, VISIBLE_OPTS * OPT_HEIGHT);
      const cr = this.getBoundingClientRect();
      const dropdownStyles = {
        width: `${cr.width}px`,
        left: `${cr.left}px`,
        top: this.position === "below" ? `${cr.top + cr.height}px` : "unset",
        bottom: this.position === "below" ? "unset" : `${document.documentElement.clientHeight - cr.top}px`
      };
      return b2`
      <div
        class=${e7(classes)}
        popover="auto"
        @toggle=${this._handleDropdownToggle}
        .style=${stylePropertyMap(dropdownStyles)}
      >
        ${this.position === "above" ? this._renderDescription() : A}
        <vscode-scrollable
          always-visible
          class="scrollable"
          min-thumb-size="40"
          tabindex="-1"
          @vsc-scrollable-scroll=${this._onOptionListScroll}
          .scrollPos=${this._optionListScrollPos}
          .style=${stylePropertyMap({
        height: `${scrollPaneHeight}px`
      })}
        >
          ${this._renderOptions()} ${this._renderDropdownControls()}
        </vscode-scrollable>
        ${this.position === "below" ? this._renderDescription() : A}
      </div>
    `;
    }
  };
  __decorate7([
    n4({ type: Boolean, reflect: true })
  ], VscodeSelectBase.prototype, "creatable", void 0);
  __decorate7([
    n4({ type: Boolean, reflect: true })
  ], VscodeSelectBase.prototype, "combobox", null);
  __decorate7([
    n4({ reflect: true })
  ], VscodeSelectBase.prototype, "label", void 0);
  __decorate7([
    n4({ type: Boolean, reflect: true })
  ], VscodeSelectBase.prototype, "disabled", null);
  __decorate7([
    n4({ type: Boolean, reflect: true })
  ], VscodeSelectBase.prototype, "invalid", void 0);
  __decorate7([
    n4()
  ], VscodeSelectBase.prototype, "filter", null);
  __decorate7([
    n4({ type: Boolean, reflect: true })
  ], VscodeSelectBase.prototype, "focused", void 0);
  __decorate7([
    n4({ type: Boolean, reflect: true })
  ], VscodeSelectBase.prototype, "open", void 0);
  __decorate7([
    n4({ type: Array })
  ], VscodeSelectBase.prototype, "options", null);
  __decorate7([
    n4({ reflect: true })
  ], VscodeSelectBase.prototype, "position", void 0);
  __decorate7([
    o6({
      flatten: true,
      selector: "vscode-option"
    })
  ], VscodeSelectBase.prototype, "_assignedOptions", void 0);
  __decorate7([
    e5(".dropdown", true)
  ], VscodeSelectBase.prototype, "_dropdownEl", void 0);
  __decorate7([
    r5()
  ], VscodeSelectBase.prototype, "_currentDescription", void 0);
  __decorate7([
    r5()
  ], VscodeSelectBase.prototype, "_filter", void 0);
  __decorate7([
    r5()
  ], VscodeSelectBase.prototype, "_filteredOptions", null);
  __decorate7([
    r5()
  ], VscodeSelectBase.prototype, "_selectedIndexes", void 0);
  __decorate7([
    r5()
  ], VscodeSelectBase.prototype, "_options", void 0);
  __decorate7([
    r5()
  ], VscodeSelectBase.prototype, "_value", void 0);
  __decorate7([
    r5()
  ], VscodeSelectBase.prototype, "_values", void 0);
  __decorate7([
    r5()
  ], VscodeSelectBase.prototype, "_isPlaceholderOptionActive", void 0);
  __decorate7([
    r5()
  ], VscodeSelectBase.prototype, "_isBeingFiltered", void 0);
  __decorate7([
    r5()
  ], VscodeSelectBase.prototype, "_optionListScrollPos", void 0);

  // node_modules/@vscode-elements/elements/dist/includes/vscode-select/styles.js
  var styles_default = [
    default_styles_default,
    i`
    :host {
      display: inline-block;
      max-width: 100%;
      outline: none;
      position: relative;
      width: 320px;
    }

    .main-slot {
      display: none;
    }

    .select-face,
    .combobox-face {
      background-color: var(--vscode-settings-dropdownBackground, #313131);
      border-color: var(--vscode-settings-dropdownBorder, #3c3c3c);
      border-radius: 4px;
      border-style: solid;
      border-width: 1px;
      box-sizing: border-box;
      color: var(--vscode-settings-dropdownForeground, #cccccc);
      font-family: var(--vscode-font-family, sans-serif);
      font-size: var(--vscode-font-size, 13px);
      font-weight: var(--vscode-font-weight, normal);
      line-height: 18px;
      position: relative;
      user-select: none;
      width: 100%;
    }

    :host([invalid]) .select-face,
    :host(:invalid) .select-face,
    :host([invalid]) .combobox-face,
    :host(:invalid) .combobox-face {
      background-color: var(--vscode-inputValidation-errorBackground, #5a1d1d);
      border-color: var(--vscode-inputValidation-errorBorder, #be1100);
    }

    .select-face {
      cursor: pointer;
      display: block;
      padding: 3px 4px;
    }

    .select-face .text {
      display: block;
      height: 18px;
      overflow: hidden;
      padding-right: 20px;
      text-overflow: ellipsis;
      white-space: nowrap;
    }

    .select-face.multiselect {
      padding: 0;
    }

    .select-face-badge {
      background-color: var(--vscode-badge-background, #616161);
      border-radius: 2px;
      color: var(--vscode-badge-foreground, #f8f8f8);
      display: inline-block;
      flex-shrink: 0;
      font-size: 11px;
      line-height: 16px;
      margin: 2px;
      padding: 2px 3px;
      white-space: nowrap;
    }

    .select-face-badge.no-item {
      background-color: transparent;
      color: inherit;
    }

    .combobox-face {
      display: flex;
    }

    :host(:focus) .select-face,
    :host(:focus) .combobox-face,
    :host([focused]) .select-face,
    :host([focused]) .combobox-face {
      outline: none;
    }

    :host(:focus:not([open])) .select-face,
    :host(:focus:not([open])) .combobox-face,
    :host([focused]:not([open])) .select-face,
    :host([focused]:not([open])) .combobox-face {
      border-color: var(--vscode-focusBorder, #0078d4);
    }

    .combobox-input {
      background-color: transparent;
      box-sizing: border-box;
      border: 0;
      color: var(--vscode-foreground, #cccccc);
      display: block;
      font-family: var(--vscode-font-family, sans-serif);
      font-size: var(--vscode-font-size, 13px);
      line-height: 16px;
      padding: 4px;
      width: 100%;
    }

    .combobox-input:focus {
      outline: none;
    }

    .combobox-button {
      align-items: center;
      background-color: transparent;
      border: 0;
      border-radius: 2px;
      box-sizing: content-box;
      color: var(--vscode-foreground, #cccccc);
      cursor: pointer;
      display: flex;
      flex-shrink: 0;
      height: 16px;
      justify-content: center;
      margin: 1px 1px 0 0;
      padding: 3px;
      width: 22px;
    }

    .combobox-button:hover,
    .combobox-button:focus-visible {
      background-color: var(
        --vscode-toolbar-hoverBackground,
        rgba(90, 93, 94, 0.31)
      );
      outline-style: dashed;
      outline-color: var(--vscode-toolbar-hoverOutline, transparent);
    }

    .combobox-button:focus-visible {
      outline: none;
    }

    .icon {
      color: var(--vscode-foreground, #cccccc);
      display: block;
      height: 14px;
      pointer-events: none;
      width: 14px;
    }

    .select-face .icon {
      position: absolute;
      right: 6px;
      top: 5px;
    }

    .icon svg {
      color: var(--vscode-foreground, #cccccc);
      height: 100%;
      width: 100%;
    }

    .dropdown {
      background-color: var(--vscode-settings-dropdownBackground, #313131);
      border-color: var(--vscode-settings-dropdownListBorder, #454545);
      border-radius: 4px;
      border-style: solid;
      border-width: 1px;
      bottom: unset;
      box-shadow: 0 2px 8px var(--vscode-widget-shadow, rgba(0, 0, 0, 0.36));
      box-sizing: border-box;
      display: none;
      padding: 0;
      right: unset;
    }

    .dropdown.open {
      display: block;
    }

    :host([position='above']) .dropdown {
      bottom: 26px;
      padding-bottom: 0;
      padding-top: 2px;
      top: unset;
    }

    .scrollable {
      display: block;
      max-height: 222px;
      margin: 0;
      outline: none;
      overflow: hidden;
    }

    .options {
      box-sizing: border-box;
      cursor: pointer;
      list-style: none;
      margin: 0;
      padding: 0;
    }

    .option {
      box-sizing: border-box;
      color: var(--vscode-foreground, #cccccc);
      cursor: pointer;
      font-family: var(--vscode-font-family, sans-serif);
      font-size: var(--vscode-font-size, 13px);
      font-weight: var(--vscode-font-weight, normal);
      height: 22px;
      line-height: 20px;
      min-height: calc(var(--vscode-font-size) * 1.3);
      padding: 1px 3px;
      user-select: none;
      outline-color: transparent;
      outline-offset: -1px;
      outline-style: solid;
      outline-width: 1px;
      overflow: hidden;
      white-space: nowrap;
      text-overflow: ellipsis;
    }

    .option.single-select {
      display: block;
      overflow: hidden;
      white-space: nowrap;
      text-overflow: ellipsis;
    }

    .option.multi-select {
      align-items: center;
      display: flex;
    }

    .option b {
      color: var(--vscode-list-highlightForeground, #2aaaff);
    }

    .option.active b {
      color: var(--vscode-list-focusHighlightForeground, #2aaaff);
    }

    .option:not(.disabled):hover {
      background-color: var(--vscode-list-hoverBackground, #2a2d2e);
      color: var(--vscode-list-hoverForeground, #ffffff);
    }

    :host-context(body[data-vscode-theme-kind='vscode-high-contrast'])
      .option:hover,
    :host-context(body[data-vscode-theme-kind='vscode-high-contrast-light'])
      .option:hover {
      outline-style: dotted;
      outline-color: var(--vscode-list-focusOutline, #0078d4);
      outline-width: 1px;
    }

    .option.disabled {
      cursor: not-allowed;
      opacity: 0.4;
    }

    .option.active,
    .option.active:hover {
      background-color: var(--vscode-list-activeSelectionBackground, #04395e);
      color: var(--vscode-list-activeSelectionForeground, #ffffff);
      outline-color: var(--vscode-list-activeSelectionBackground, #04395e);
      outline-style: solid;
      outline-width: 1px;
    }

    .no-options {
      align-items: center;
      border-color: transparent;
      border-style: solid;
      border-width: 1px;
      color: var(--vscode-foreground, #cccccc);
      cursor: default;
      display: flex;
      font-family: var(--vscode-font-family, sans-serif);
      font-size: var(--vscode-font-size, 13px);
      font-weight: var(--vscode-font-weight, normal);
      line-height: 18px;
      min-height: calc(var(--vscode-font-size) * 1.3);
      opacity: 0.85;
      padding: 1px 3px;
      user-select: none;
    }

    .placeholder {
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }

    .placeholder span {
      font-weight: bold;
    }

    .placeholder:not(.disabled):hover {
      color: var(--vscode-list-activeSelectionForeground, #ffffff);
    }

    :host-context(body[data-vscode-theme-kind='vscode-high-contrast'])
      .option.active,
    :host-context(body[data-vscode-theme-kind='vscode-high-contrast-light'])
      .option.active:hover {
      outline-color: var(--vscode-list-focusOutline, #0078d4);
      outline-style: dashed;
    }

    .option-label {
      display: block;
      overflow: hidden;
      pointer-events: none;
      text-overflow: ellipsis;
      white-space: nowrap;
      width: 100%;
    }

    .dropdown.multiple .option.selected {
      background-color: var(--vscode-list-hoverBackground, #2a2d2e);
      outline-color: var(--vscode-list-hoverBackground, #2a2d2e);
    }

    .dropdown.multiple .option.selected.active {
      background-color: var(--vscode-list-activeSelectionBackground, #04395e);
      color: var(--vscode-list-activeSelectionForeground, #ffffff);
      outline-color: var(--vscode-list-activeSelectionBackground, #04395e);
    }

    .checkbox-icon {
      align-items: center;
      background-color: var(--vscode-checkbox-background, #313131);
      border-radius: 2px;
      border: 1px solid var(--vscode-checkbox-border);
      box-sizing: border-box;
      color: var(--vscode-checkbox-foreground);
      display: flex;
      flex-basis: 15px;
      flex-shrink: 0;
      height: 15px;
      justify-content: center;
      margin-right: 5px;
      overflow: hidden;
      position: relative;
      width: 15px;
    }

    .checkbox-icon svg {
      display: none;
      height: 13px;
      width: 13px;
    }

    .checkbox-icon.checked svg {
      display: block;
    }

    .dropdown-controls {
      display: flex;
      justify-content: flex-end;
      padding: 4px;
    }

    .dropdown-controls :not(:last-child) {
      margin-right: 4px;
    }

    .action-icon {
      align-items: center;
      background-color: transparent;
      border: 0;
      color: var(--vscode-foreground, #cccccc);
      cursor: pointer;
      display: flex;
      height: 24px;
      justify-content: center;
      padding: 0;
      width: 24px;
    }

    .action-icon:focus {
      outline: none;
    }

    .action-icon:focus-visible {
      outline: 1px solid var(--vscode-focusBorder, #0078d4);
      outline-offset: -1px;
    }

    .description {
      border-color: var(--vscode-settings-dropdownBorder, #3c3c3c);
      border-style: solid;
      border-width: 1px 0 0;
      color: var(--vscode-foreground, #cccccc);
      font-family: var(--vscode-font-family, sans-serif);
      font-size: var(--vscode-font-size, 13px);
      font-weight: var(--vscode-font-weight, normal);
      line-height: 1.3;
      padding: 6px 4px;
      word-wrap: break-word;
    }

    :host([position='above']) .description {
      border-width: 0 0 1px;
    }
  `
  ];

  // node_modules/@vscode-elements/elements/dist/vscode-single-select/vscode-single-select.styles.js
  var vscode_single_select_styles_default = styles_default;

  // node_modules/@vscode-elements/elements/dist/vscode-single-select/vscode-single-select.js
  var __decorate8 = function(decorators, target, key, desc) {
    var c5 = arguments.length, r6 = c5 < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d3;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r6 = Reflect.decorate(decorators, target, key, desc);
    else for (var i7 = decorators.length - 1; i7 >= 0; i7--) if (d3 = decorators[i7]) r6 = (c5 < 3 ? d3(r6) : c5 > 3 ? d3(target, key, r6) : d3(target, key)) || r6;
    return c5 > 3 && r6 && Object.defineProperty(target, key, r6), r6;
  };
  var VscodeSingleSelect = class VscodeSingleSelect2 extends VscodeSelectBase {
    set selectedIndex(val) {
      this._opts.selectedIndex = val;
      const op = this._opts.getOptionByIndex(val);
      if (op) {
        this._opts.activeIndex = val;
        this._value = op.value;
        this._internals.setFormValue(this._value);
        this._manageRequired();
      } else {
        this._value = "";
        this._internals.setFormValue("");
        this._manageRequired();
      }
    }
    get selectedIndex() {
      return this._opts.selectedIndex;
    }
    set value(val) {
      this._opts.value = val;
      if (this._opts.selectedIndex > -1) {
        this._requestedValueToSetLater = "";
      } else {
        this._requestedValueToSetLater = val;
      }
      this._internals.setFormValue(this._value);
      this._manageRequired();
    }
    get value() {
      return this._opts.value;
    }
    get validity() {
      return this._internals.validity;
    }
    get validationMessage() {
      return this._internals.validationMessage;
    }
    get willValidate() {
      return this._internals.willValidate;
    }
    checkValidity() {
      return this._internals.checkValidity();
    }
    reportValidity() {
      return this._internals.reportValidity();
    }
    updateInputValue() {
      if (!this.combobox) {
        return;
      }
      const input = this.renderRoot.querySelector(".combobox-input");
      if (input) {
        const selectedOption = this._opts.getSelectedOption();
        input.value = selectedOption?.label ?? "";
      }
    }
    constructor() {
      super();
      this.defaultValue = "";
      this.name = void 0;
      this.required = false;
      this._requestedValueToSetLater = "";
      this._opts.multiSelect = false;
      this._internals = this.attachInternals();
    }
    connectedCallback() {
      super.connectedCallback();
      this.updateComplete.then(() => {
        this._manageRequired();
      });
    }
    /** @internal */
    formResetCallback() {
      this.value = this.defaultValue;
    }
    /** @internal */
    formStateRestoreCallback(state, _mode) {
      this.updateComplete.then(() => {
        this.value = state;
      });
    }
    /** @internal */
    get type() {
      return "select-one";
    }
    get form() {
      return this._internals.form;
    }
    async _createAndSelectSuggestedOption() {
      const nextIndex = this._createSuggestedOption();
      await this.updateComplete;
      this._opts.selectedIndex = nextIndex;
      this._dispatchChangeEvent();
      const opCreateEvent = new CustomEvent("vsc-single-select-create-option", { detail: { value: this._opts.getOptionByIndex(nextIndex)?.value ?? "" } });
      this.dispatchEvent(opCreateEvent);
      this.open = false;
      this._isPlaceholderOptionActive = false;
    }
    _setStateFromSlottedElements() {
      super._setStateFromSlottedElements();
      if (!this.combobox && this._opts.selectedIndexes.length === 0) {
        this._opts.selectedIndex = this._opts.options.length > 0 ? 0 : -1;
      }
    }
    //#region event handlers
    _onSlotChange() {
      super._onSlotChange();
      if (this._requestedValueToSetLater) {
        const foundOption = this._opts.getOptionByValue(this._requestedValueToSetLater);
        if (foundOption) {
          this._opts.selectedIndex = foundOption.index;
          this._requestedValueToSetLater = "";
        }
      }
      if (this._opts.selectedIndex > -1 && this._opts.numOptions > 0) {
        this._internals.setFormValue(this._opts.value);
        this._manageRequired();
      } else {
        this._internals.setFormValue(null);
        this._manageRequired();
      }
    }
    _onEnterKeyDown(ev) {
      super._onEnterKeyDown(ev);
      let valueChanged = false;
      if (this.combobox) {
        if (this.open) {
          if (this._isPlaceholderOptionActive) {
            this._createAndSelectSuggestedOption();
          } else {
            valueChanged = this._opts.activeIndex !== this._opts.selectedIndex;
            this._opts.selectedIndex = this._opts.activeIndex;
            this.open = false;
          }
        } else {
          this.open = true;
          this._scrollActiveElementToTop();
        }
      } else {
        if (this.open) {
          valueChanged = this._opts.activeIndex !== this._opts.selectedIndex;
          this._opts.selectedIndex = this._opts.activeIndex;
          this.open = false;
        } else {
          this.open = true;
          this._scrollActiveElementToTop();
        }
      }
      if (valueChanged) {
        this._dispatchChangeEvent();
        this.updateInputValue();
        this._internals.setFormValue(this._opts.value);
        this._manageRequired();
      }
    }
    _onOptionClick(ev) {
      super._onOptionClick(ev);
      const composedPath = ev.composedPath();
      const optEl = composedPath.find((et) => {
        const el = et;
        if ("matches" in el) {
          return el.matches("li.option");
        }
        return;
      });
      if (!optEl || optEl.matches(".disabled")) {
        return;
      }
      const isPlaceholderOption = optEl.classList.contains("placeholder");
      if (isPlaceholderOption) {
        if (this.creatable) {
          this._createAndSelectSuggestedOption();
        }
      } else {
        this._opts.selectedIndex = Number(optEl.dataset.index);
        this.open = false;
        this._internals.setFormValue(this._opts.value);
        this._manageRequired();
        this._dispatchChangeEvent();
      }
    }
    //#endregion
    _manageRequired() {
      const { value } = this;
      if (value === "" && this.required) {
        this._internals.setValidity({ valueMissing: true }, "Please select an item in the list.", this._face);
      } else {
        this._internals.setValidity({});
      }
    }
    //#region render functions
    _renderSelectFace() {
      const selectedOption = this._opts.getSelectedOption();
      const label = selectedOption?.label ?? "";
      const activeDescendant = this._opts.activeIndex > -1 ? `op-${this._opts.activeIndex}` : "";
      return b2`
      <div
        aria-activedescendant=${activeDescendant}
        aria-controls="select-listbox"
        aria-expanded=${this.open ? "true" : "false"}
        aria-haspopup="listbox"
        aria-label=${o7(this.label)}
        class="select-face face"
        @click=${this._onFaceClick}
        role="combobox"
        tabindex="0"
      >
        <span class="text">${label}</span> ${chevronDownIcon}
      </div>
    `;
    }
    _renderComboboxFace() {
      let inputVal = "";
      if (this._isBeingFiltered) {
        inputVal = this._opts.filterPattern;
      } else {
        const op = this._opts.getSelectedOption();
        inputVal = op?.label ?? "";
      }
      const activeDescendant = this._opts.activeIndex > -1 ? `op-${this._opts.activeIndex}` : "";
      const expanded = this.open ? "true" : "false";
      return b2`
      <div class="combobox-face face">
        <input
          aria-activedescendant=${activeDescendant}
          aria-autocomplete="list"
          aria-controls="select-listbox"
          aria-expanded=${expanded}
          aria-haspopup="listbox"
          aria-label=${o7(this.label)}
          class="combobox-input"
          role="combobox"
          spellcheck="false"
          type="text"
          autocomplete="off"
          .value=${inputVal}
          @focus=${this._onComboboxInputFocus}
          @blur=${this._onComboboxInputBlur}
          @input=${this._onComboboxInputInput}
          @click=${this._onComboboxInputClick}
          @keydown=${this._onComboboxInputSpaceKeyDown}
        />
        <button
          aria-label="Open the list of options"
          class="combobox-button"
          type="button"
          @click=${this._onComboboxButtonClick}
          @keydown=${this._onComboboxButtonKeyDown}
          tabindex="-1"
        >
          ${chevronDownIcon}
        </button>
      </div>
    `;
    }
    render() {
      return b2`
      <div class="single-select">
        <slot class="main-slot" @slotchange=${this._onSlotChange}></slot>
        ${this.combobox ? this._renderComboboxFace() : this._renderSelectFace()}
        ${this._renderDropdown()}
      </div>
    `;
    }
  };
  VscodeSingleSelect.styles = vscode_single_select_styles_default;
  VscodeSingleSelect.shadowRootOptions = {
    ...i4.shadowRootOptions,
    delegatesFocus: true
  };
  VscodeSingleSelect.formAssociated = true;
  __decorate8([
    n4({ attribute: "default-value" })
  ], VscodeSingleSelect.prototype, "defaultValue", void 0);
  __decorate8([
    n4({ reflect: true })
  ], VscodeSingleSelect.prototype, "name", void 0);
  __decorate8([
    n4({ type: Number, attribute: "selected-index" })
  ], VscodeSingleSelect.prototype, "selectedIndex", null);
  __decorate8([
    n4({ type: String })
  ], VscodeSingleSelect.prototype, "value", null);
  __decorate8([
    n4({ type: Boolean, reflect: true })
  ], VscodeSingleSelect.prototype, "required", void 0);
  __decorate8([
    e5(".face")
  ], VscodeSingleSelect.prototype, "_face", void 0);
  VscodeSingleSelect = __decorate8([
    customElement("vscode-single-select")
  ], VscodeSingleSelect);

  // src/report/runView.ts
  var VIEW_VERDICTS = ["pending", "running", "pass", "fail", "warn", "inconclusive", "error", "skipped", "done"];
  var ViewVerdict = _enum(VIEW_VERDICTS);
  var VERDICT_ORDER = ["fail", "error", "warn", "inconclusive", "pass", "done", "skipped", "running", "pending"];
  var text = string2().max(2e6);
  var shortText = string2().max(2e4);
  var id = string2().min(1).max(200);
  var scalar = union([string2().max(2e4), number2(), boolean2(), _null3()]);
  var OutputView = object({
    text: string2().max(1e5),
    /** Lines and UTF-8 bytes of the whole output as captured. */
    lines: number2().int().nonnegative(),
    bytes: number2().int().nonnegative(),
    /** The page shows only the first part. */
    truncated: boolean2(),
    /** The history keeps only the head and tail of this output (it was over the storage cap). */
    capped: boolean2()
  });
  var CheckView = object({
    id,
    label: shortText,
    verdict: ViewVerdict,
    reason: shortText,
    durationMs: number2().nullable(),
    command: shortText,
    vantage: shortText.nullable(),
    cached: boolean2(),
    output: OutputView
  });
  var StepView = object({
    id,
    title: shortText,
    verdict: ViewVerdict,
    reason: shortText,
    durationMs: number2().nullable(),
    /** False for a result carried over from an earlier run. */
    ran: boolean2(),
    checks: array(CheckView)
  });
  var GroupView = object({ id, title: shortText, steps: array(StepView) });
  var EvidenceView = object({
    label: shortText,
    fact: shortText,
    value: scalar,
    step: string2().max(200),
    check: string2().max(200).nullable(),
    line: shortText.nullable(),
    /** Likelihood ratio of the evidence item; null for a fact the tree read. */
    weight: number2().nullable()
  });
  var RankedView = object({
    id,
    title: shortText,
    probability: number2(),
    prior: number2(),
    isRootCause: boolean2(),
    for: array(object({ label: shortText, weight: number2() })),
    against: array(object({ label: shortText, weight: number2() }))
  });
  var DiagnosisView = object({
    status: _enum(["certain", "healthy", "undetermined"]),
    rootCause: object({
      id,
      title: shortText,
      probability: number2(),
      /** "cause 1, scenario F, fix F" — where the plan talks about it. */
      plan: shortText.nullable(),
      scenario: object({ id, letter: string2().max(20), title: shortText }).nullable()
    }),
    /** One sentence: "Root cause: …" / "Undetermined: … leads at 62 %". */
    headline: shortText,
    ranked: array(RankedView),
    evidence: array(EvidenceView),
    nextStep: object({ step: id, title: shortText, text: shortText, reason: shortText }).nullable(),
    notes: array(shortText)
  });
  var TreeBranchView = object({
    label: shortText,
    taken: boolean2(),
    to: discriminatedUnion("kind", [
      object({ kind: literal("node"), id }),
      object({ kind: literal("cause"), id, title: shortText })
    ]),
    note: shortText.nullable()
  });
  var TreeNodeView = object({
    id,
    question: shortText,
    needs: array(id),
    onPath: boolean2(),
    /** Where the walk ended (leaf reached here, steps needed here, or stuck here). */
    isEnd: boolean2(),
    branches: array(TreeBranchView)
  });
  var TreeView = object({
    nodes: array(TreeNodeView),
    outcome: object({ kind: _enum(["leaf", "needs", "stuck"]), node: string2().max(200), text: shortText }),
    planText: text,
    impossible: array(object({ branch: shortText, why: shortText })),
    notes: array(shortText)
  });
  var FixView = object({
    id,
    letter: string2().max(20).nullable(),
    title: shortText,
    kind: _enum(["command", "code", "guidance"]),
    text,
    /** The command as shown (POSIX-quoted), command fixes only. */
    command: shortText.nullable(),
    effect: shortText.nullable(),
    /** The fix of the certain root cause (the others belong to causes that are still possible). */
    recommended: boolean2(),
    cause: object({ id, title: shortText, probability: number2() }).nullable()
  });
  var AppliedFixView = object({
    id,
    title: shortText,
    command: shortText,
    environment: shortText,
    appliedAt: string2().max(100),
    exitCode: number2(),
    output: OutputView,
    undoCommand: shortText.nullable()
  });
  var CriterionView = object({ id, text: shortText, status: _enum(["met", "notMet", "unknown"]) });
  var InstrumentationView = object({
    present: boolean2().nullable(),
    summary: shortText,
    files: array(object({ file: shortText, steps: array(string2().max(50)), lines: array(number2()) }))
  });
  var RunView = object({
    /** The history record's id; `live` while a run is in progress and not yet saved. */
    runId: id,
    live: boolean2(),
    runbookTitle: shortText,
    label: shortText,
    environment: object({
      name: shortText,
      production: boolean2(),
      flyApp: shortText,
      runnerUrl: shortText,
      routerUrl: shortText
    }),
    startedAt: string2().max(100).nullable(),
    finishedAt: string2().max(100).nullable(),
    durationMs: number2().nullable(),
    cancelled: boolean2(),
    counts: partialRecord(ViewVerdict, number2().int().nonnegative()),
    groups: array(GroupView),
    diagnosis: DiagnosisView.nullable(),
    tree: TreeView.nullable(),
    fixes: array(FixView),
    fixesApplied: array(AppliedFixView),
    criteria: array(CriterionView),
    instrumentation: InstrumentationView
  });
  var HistoryEntry = object({
    id,
    startedAt: string2().max(100),
    finishedAt: string2().max(100),
    environment: shortText,
    production: boolean2(),
    label: shortText,
    counts: partialRecord(ViewVerdict, number2().int().nonnegative()),
    rootCause: object({ id, title: shortText, probability: number2() }).nullable(),
    status: _enum(["certain", "healthy", "undetermined"]).nullable()
  });
  var RunComparisonView = object({
    before: HistoryEntry,
    after: HistoryEntry,
    verdicts: array(object({ step: id, title: shortText, before: ViewVerdict.nullable(), after: ViewVerdict.nullable() })),
    facts: array(object({ fact: shortText, before: scalar.optional(), after: scalar.optional() })),
    rootCause: object({
      before: object({ id, title: shortText, probability: number2() }).nullable(),
      after: object({ id, title: shortText, probability: number2() }).nullable(),
      changed: boolean2()
    }),
    /** Steps whose verdict did not change, for the "unchanged" count. */
    unchanged: number2().int().nonnegative()
  });

  // src/shared/webviewProtocol.ts
  var RunIdRef = string2().regex(/^(?:live|[A-Za-z0-9][A-Za-z0-9_.-]{0,79})$/);
  var StepIdRef = string2().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/);
  var InitMessage = object({
    type: literal("init"),
    /** The run shown; null when there is no run yet (`emptyText` says what to do). */
    view: RunView.nullable(),
    history: array(HistoryEntry),
    emptyText: string2().max(2e3).nullable()
  }).strict();
  var RunUpdateMessage = object({
    type: literal("runUpdate"),
    runId: RunIdRef,
    running: boolean2(),
    counts: partialRecord(ViewVerdict, number2().int().nonnegative()),
    steps: array(StepView)
  }).strict();
  var HistoryMessage = object({
    type: literal("history"),
    entries: array(HistoryEntry)
  }).strict();
  var CompareMessage = object({
    type: literal("compare"),
    result: RunComparisonView
  }).strict();
  var NoticeMessage = object({
    type: literal("notice"),
    level: _enum(["info", "warning", "error"]),
    text: string2().max(2e3)
  }).strict();
  var HostMessage = discriminatedUnion("type", [InitMessage, RunUpdateMessage, HistoryMessage, CompareMessage, NoticeMessage]);
  var runOnly = { runId: RunIdRef };
  var PageMessage = discriminatedUnion("type", [
    /** The page's script is running and listening: the host may send `init`. */
    object({ type: literal("ready") }).strict(),
    /** Open the plan's text of a step in an editor. */
    object({ type: literal("openStep"), step: StepIdRef }).strict(),
    /** Ask the host to apply a fix: the host confirms with a modal dialog first. */
    object({ type: literal("applyFix"), ...runOnly, fix: StepIdRef }).strict(),
    /** Run again the steps of a run that failed or could not run. */
    object({ type: literal("rerunFailed"), ...runOnly }).strict(),
    /** Write the incident report to a file the user picks. */
    object({ type: literal("exportReport"), ...runOnly }).strict(),
    /** Put the incident report on the clipboard. */
    object({ type: literal("copyReport"), ...runOnly }).strict(),
    /** Show a run of the history. */
    object({ type: literal("selectRun"), ...runOnly }).strict(),
    /** Compare two runs of the history. */
    object({ type: literal("compareRuns"), before: RunIdRef, after: RunIdRef }).strict(),
    /** Open a check's whole output in an editor. */
    object({ type: literal("showAllOutput"), ...runOnly, step: StepIdRef, check: StepIdRef }).strict()
  ]);
  var PageState = object({
    selectedRunId: RunIdRef.nullable(),
    /** `step:<id>` / `check:<step>/<id>` / section ids that the user opened. */
    expanded: array(string2().max(200)).max(500),
    scrollY: number2().nonnegative().max(1e7)
  }).strict();
  function describe2(raw) {
    if (raw && typeof raw === "object" && "type" in raw && typeof raw.type === "string") {
      return `"${String(raw.type).slice(0, 40)}"`;
    }
    return raw === null ? "null" : Array.isArray(raw) ? "an array" : typeof raw;
  }
  function decode2(schema, raw) {
    const r6 = schema.safeParse(raw);
    if (r6.success) return { ok: true, message: r6.data };
    const issue2 = r6.error.issues[0];
    const where = issue2?.path.length ? ` at ${issue2.path.join(".")}` : "";
    return { ok: false, error: `dropped message ${describe2(raw)}: ${issue2?.message ?? "invalid"}${where}`.slice(0, 300) };
  }
  function decodeHostMessage(raw) {
    return decode2(HostMessage, raw);
  }
  function decodePageState(raw) {
    const r6 = PageState.safeParse(raw);
    return r6.success ? r6.data : void 0;
  }

  // src/webview/results/context.ts
  function createOpenState(model2, persist2) {
    const k2 = (key, dflt) => `${dflt ? "closed" : "open"}:${key}`;
    return {
      isOpen: (key, dflt) => dflt ? !model2.expanded.has(k2(key, true)) : model2.expanded.has(k2(key, false)),
      setOpen: (key, open2, dflt) => {
        if (open2 === dflt) model2.expanded.delete(k2(key, dflt));
        else model2.expanded.add(k2(key, dflt));
        persist2();
      }
    };
  }

  // src/webview/results/dom.ts
  var FORBIDDEN_ATTR = /^(?:on|href$|src$|srcset$|action$|formaction$|xlink:href$|style$|srcdoc$|data$)/i;
  function h4(tag, props = {}, ...children) {
    const el = document.createElement(tag);
    if (props.class) el.className = props.class;
    for (const [k2, v3] of Object.entries(props.attrs ?? {})) {
      if (FORBIDDEN_ATTR.test(k2)) throw new Error(`attribute ${k2} is not allowed on the results page`);
      if (v3 === void 0 || v3 === false) continue;
      el.setAttribute(k2, v3 === true ? "" : v3);
    }
    for (const [k2, v3] of Object.entries(props.props ?? {})) el[k2] = v3;
    for (const [ev, f3] of Object.entries(props.on ?? {})) el.addEventListener(ev, f3);
    append(el, ...children);
    return el;
  }
  function append(el, ...children) {
    for (const c5 of children) {
      if (c5 === null || c5 === void 0 || c5 === false) continue;
      el.appendChild(typeof c5 === "string" || typeof c5 === "number" ? document.createTextNode(String(c5)) : c5);
    }
  }
  function icon(name, label, extraClass = "") {
    return h4("span", {
      class: `codicon codicon-${name}${extraClass ? " " + extraClass : ""}`,
      attrs: label ? { role: "img", "aria-label": label, title: label } : { "aria-hidden": "true" }
    });
  }
  function button(label, onClick, opts = {}) {
    return h4(
      "vscode-button",
      {
        attrs: {
          secondary: !!opts.secondary,
          icon: opts.icon,
          "data-focus-key": opts.focusKey,
          title: opts.title,
          disabled: !!opts.disabled
        },
        on: { click: () => onClick() }
      },
      label
    );
  }
  function linkButton(label, onClick, opts = {}) {
    return h4("button", { class: "link", attrs: { type: "button", "data-focus-key": opts.focusKey, title: opts.title }, on: { click: () => onClick() } }, label);
  }

  // src/webview/results/pageModel.ts
  function initialModel(saved2) {
    return {
      view: null,
      emptyText: null,
      history: [],
      compare: null,
      notice: null,
      expanded: new Set(saved2?.expanded ?? []),
      highlight: null,
      initialised: false
    };
  }
  function applyHostMessage(m3, msg) {
    switch (msg.type) {
      case "init":
        if (m3.view?.runId !== msg.view?.runId) m3.highlight = null;
        m3.view = msg.view;
        m3.history = msg.history;
        m3.emptyText = msg.emptyText;
        m3.initialised = true;
        if (m3.compare && !msg.history.some((e8) => e8.id === m3.compare.after.id)) m3.compare = null;
        return true;
      case "runUpdate": {
        const v3 = m3.view;
        if (!v3 || v3.runId !== msg.runId) return false;
        const byId = new Map(msg.steps.map((s5) => [s5.id, s5]));
        for (const g2 of v3.groups) g2.steps = g2.steps.map((s5) => byId.get(s5.id) ?? s5);
        v3.counts = msg.counts;
        v3.live = msg.running;
        return true;
      }
      case "history":
        m3.history = msg.entries;
        return true;
      case "compare":
        m3.compare = msg.result;
        m3.expanded.add("section:history");
        return true;
      case "notice":
        m3.notice = { level: msg.level, text: msg.text };
        return true;
    }
  }
  function pageState(m3, scrollY) {
    return {
      selectedRunId: m3.view && !m3.view.live ? m3.view.runId : null,
      expanded: [...m3.expanded].slice(-500),
      scrollY: Math.max(0, Math.min(scrollY, 1e7))
    };
  }

  // src/webview/results/section.ts
  function section(ctx2, id2, heading, description, ...body) {
    const key = `section:${id2}`;
    const el = h4("vscode-collapsible", {
      class: "section",
      attrs: { id: `section-${id2}`, "data-focus-key": key },
      props: { heading, description, open: ctx2.isOpen(key, true) },
      on: {
        "vsc-collapsible-toggle": (e8) => ctx2.setOpen(key, e8.detail.open, true)
      }
    });
    const inner = h4("div", { class: "section-body" });
    append(inner, ...body);
    el.appendChild(inner);
    return el;
  }
  function disclosure(ctx2, key, dflt, summary, body, cls = "") {
    const open2 = ctx2.isOpen(key, dflt);
    const d3 = h4("details", { class: cls, attrs: { "data-key": key, open: open2 } });
    const s5 = h4("summary", { attrs: { "data-focus-key": `summary:${key}` } }, ...summary);
    d3.appendChild(s5);
    let filled = false;
    const fill = () => {
      if (filled) return;
      filled = true;
      append(d3, ...body());
    };
    if (open2) fill();
    d3.addEventListener("toggle", () => {
      const isOpen = d3.open;
      if (isOpen) fill();
      ctx2.setOpen(key, isOpen, dflt);
    });
    return d3;
  }

  // src/webview/results/renderCriteria.ts
  var STATUS = {
    met: { icon: "pass-filled", label: "met" },
    notMet: { icon: "circle-large-outline", label: "not met" },
    unknown: { icon: "question", label: "unknown: not checked yet" }
  };
  function renderCriteria(ctx2, v3) {
    const met = v3.criteria.filter((c5) => c5.status === "met").length;
    const list = h4("ul", { class: "criteria", attrs: { "aria-label": "success criteria" } });
    for (const c5 of v3.criteria) {
      const st = STATUS[c5.status];
      list.appendChild(h4("li", { class: `criterion criterion-${c5.status}` }, icon(st.icon, st.label, `crit-icon crit-${c5.status}`), h4("span", {}, c5.text), h4("span", { class: "muted" }, ` \u2014 ${st.label}`)));
    }
    const inst = v3.instrumentation;
    const instr = h4(
      "div",
      { class: `instrumentation${inst.present ? " present" : ""}` },
      h4("h3", {}, "Debug instrumentation"),
      h4("p", {}, icon(inst.present ? "warning" : inst.present === false ? "pass" : "question"), " ", inst.summary),
      inst.files.length ? h4("ul", {}, ...inst.files.map((f3) => h4("li", {}, h4("code", {}, f3.file), ` \u2014 step${f3.steps.length > 1 ? "s" : ""} ${f3.steps.join(", ")} (line${f3.lines.length > 1 ? "s" : ""} ${f3.lines.join(", ")})`))) : null
    );
    return section(ctx2, "criteria", "Success criteria", `${met} of ${v3.criteria.length} met`, v3.criteria.length ? list : h4("p", { class: "muted" }, "The runbook has no success criteria."), instr);
  }

  // src/report/formatting.ts
  function utcDateTime(iso) {
    if (!iso) return "\u2014";
    const d3 = new Date(iso);
    if (Number.isNaN(d3.getTime())) return iso;
    return `${d3.toISOString().slice(0, 10)} ${d3.toISOString().slice(11, 19)} UTC`;
  }
  function formatDuration(ms) {
    if (ms === null || ms === void 0 || !Number.isFinite(ms)) return "\u2014";
    if (ms < 1e3) return `${Math.round(ms)} ms`;
    if (ms < 6e4) return `${(ms / 1e3).toFixed(1)} s`;
    const s5 = Math.round(ms / 1e3);
    if (s5 < 3600) return `${Math.floor(s5 / 60)} min ${s5 % 60} s`;
    return `${Math.floor(s5 / 3600)} h ${Math.floor(s5 % 3600 / 60)} min`;
  }
  function percent(p4) {
    const v3 = p4 * 100;
    if (v3 > 0 && v3 < 0.1) return "< 0.1 %";
    if (v3 > 99.9 && v3 < 100) return "> 99.9 %";
    if (v3 > 0 && v3 < 1 || v3 > 99 && v3 < 100) return `${v3.toFixed(1)} %`;
    return `${Math.round(v3)} %`;
  }
  function formatBytes(n6) {
    if (n6 < 1024) return `${n6} B`;
    if (n6 < 1024 * 1024) return `${(n6 / 1024).toFixed(1)} KB`;
    return `${(n6 / 1024 / 1024).toFixed(1)} MB`;
  }

  // src/webview/results/renderDiagnosis.ts
  var STATUS_TEXT = { certain: "certain", healthy: "healthy", undetermined: "undetermined" };
  var STATUS_ICON = { certain: "target", healthy: "pass", undetermined: "question" };
  function factValue(v3) {
    return v3 === null ? "null" : typeof v3 === "string" ? JSON.stringify(v3) : String(v3);
  }
  function revealEvidence(ctx2, step, check, line) {
    ctx2.model.highlight = { step, check, line };
    ctx2.setOpen(`step:${step}`, true, false);
    if (check) {
      ctx2.setOpen(`check:${step}/${check}`, true, false);
      ctx2.setOpen(`output:${step}/${check}`, true, false);
    }
    ctx2.setOpen("section:steps", true, true);
    ctx2.rerender();
    const target = document.querySelector("[data-evidence-mark]") ?? document.getElementById(`step-${step}`);
    target?.scrollIntoView({ block: "center" });
    (target?.matches("[data-evidence-mark]") ? target : target?.querySelector("summary"))?.focus();
  }
  function groupEvidence(items) {
    const groups = /* @__PURE__ */ new Map();
    for (const e8 of items) {
      const key = JSON.stringify([e8.label, e8.step, e8.check, e8.line, e8.weight]);
      const g2 = groups.get(key);
      if (g2) g2.push(e8);
      else groups.set(key, [e8]);
    }
    return [...groups.values()];
  }
  function evidenceItem(ctx2, group, i7) {
    const e8 = group[0];
    const weight = e8.weight === null ? h4("span", { class: "weight neutral", attrs: { title: "read by the decision tree" } }, "tree") : h4("span", { class: `weight ${e8.weight >= 1 ? "for" : "against"}`, attrs: { title: "likelihood ratio" } }, `\xD7${e8.weight}`);
    return h4(
      "li",
      { class: "evidence" },
      h4("div", { class: "evidence-head" }, weight, " ", h4("span", { class: "evidence-label" }, e8.label)),
      h4(
        "div",
        { class: "evidence-fact" },
        ...group.flatMap((x2, j2) => [j2 ? ", " : "", h4("code", {}, x2.fact), " = ", h4("code", {}, factValue(x2.value))]),
        " \u2014 ",
        e8.step ? linkButton(`step ${e8.step}${e8.check ? ` / ${e8.check}` : ""}`, () => revealEvidence(ctx2, e8.step, e8.check, e8.line), {
          focusKey: `evidence:${i7}`,
          title: e8.line ? "Show this step and highlight the log line" : "Show this step"
        }) : h4("span", {}, "no step")
      ),
      e8.line ? h4("pre", { class: "evidence-line-text" }, e8.line) : null
    );
  }
  function rankedSection(ctx2, d3) {
    const TOP = 3;
    const top = d3.ranked.slice(0, TOP);
    const rest = d3.ranked.slice(TOP);
    return [
      ranked(top),
      ...rest.length ? [disclosure(ctx2, "ranked:rest", false, [`The other ${rest.length} causes`], () => [ranked(rest)], "sub")] : []
    ];
  }
  function ranked(causes) {
    const table = h4("table", { class: "ranked" });
    table.appendChild(h4("thead", {}, h4("tr", {}, h4("th", { attrs: { scope: "col" } }, "Cause"), h4("th", { attrs: { scope: "col" } }, "Probability"), h4("th", { attrs: { scope: "col" } }, "Prior"), h4("th", { attrs: { scope: "col" } }, "Evidence"))));
    const body = h4("tbody");
    for (const c5 of causes) {
      const bar = h4("span", { class: "bar", attrs: { role: "img", "aria-label": percent(c5.probability) } });
      const fill = h4("span", { class: "bar-fill" });
      fill.style.width = `${Math.max(0, Math.min(100, c5.probability * 100)).toFixed(1)}%`;
      bar.appendChild(fill);
      const ev = [...c5.for.map((m3) => `+ ${m3.label} \xD7${m3.weight}`), ...c5.against.map((m3) => `\u2212 ${m3.label} \xD7${m3.weight}`)];
      body.appendChild(
        h4(
          "tr",
          { class: c5.isRootCause ? "root" : "" },
          h4("th", { attrs: { scope: "row" } }, c5.title, h4("div", { class: "muted mono" }, c5.id)),
          h4("td", { class: "prob" }, bar, " ", percent(c5.probability)),
          h4("td", { class: "muted prior" }, percent(c5.prior)),
          h4("td", { class: "ev" }, ...ev.length ? ev.map((t5) => h4("div", {}, t5)) : ["\u2014"])
        )
      );
    }
    table.appendChild(body);
    return table;
  }
  function renderDiagnosis(ctx2, v3) {
    const d3 = v3.diagnosis;
    if (!d3) {
      return section(
        ctx2,
        "diagnosis",
        "Diagnosis",
        v3.live ? "after the run" : "not diagnosed",
        h4("p", { class: "muted" }, v3.live ? "The diagnosis is made when the run finishes." : "This run was not diagnosed.")
      );
    }
    const head = h4(
      "div",
      { class: `verdict-card status-${d3.status}` },
      icon(STATUS_ICON[d3.status], void 0, "big"),
      h4(
        "div",
        {},
        h4("h2", { class: "headline" }, d3.headline),
        h4(
          "p",
          { class: "muted" },
          h4("span", { class: `pill status-${d3.status}` }, STATUS_TEXT[d3.status]),
          " ",
          d3.rootCause.plan ? `In the plan: ${d3.rootCause.plan}. ` : "",
          d3.rootCause.scenario ? `Scenario ${d3.rootCause.scenario.letter}: ${d3.rootCause.scenario.title}.` : ""
        )
      )
    );
    const next = d3.nextStep ? h4(
      "div",
      { class: "next-step" },
      h4("h3", {}, "Next step"),
      h4("p", {}, h4("strong", {}, d3.nextStep.text), ` \u2014 ${d3.nextStep.title}: ${d3.nextStep.reason}.`),
      button(`Open step ${d3.nextStep.step}`, () => ctx2.post({ type: "openStep", step: d3.nextStep.step }), { secondary: true, icon: "book", focusKey: "next-step" })
    ) : null;
    const evidence = d3.evidence.length ? h4("ol", { class: "evidence-list" }, ...groupEvidence(d3.evidence).map((g2, i7) => evidenceItem(ctx2, g2, i7))) : h4("p", { class: "muted" }, "No fact spoke for or against a cause.");
    return section(
      ctx2,
      "diagnosis",
      "Diagnosis",
      `${d3.status}, ${percent(d3.rootCause.probability)}`,
      head,
      next,
      h4("h3", {}, "Evidence"),
      evidence,
      h4("h3", {}, "Causes ranked on the evidence"),
      ...rankedSection(ctx2, d3),
      d3.notes.length ? disclosure(ctx2, "diagnosis:notes", d3.status === "undetermined", [`Notes (${d3.notes.length})`], () => [h4("ul", { class: "notes" }, ...d3.notes.map((n6) => h4("li", {}, n6)))], "sub") : null
    );
  }

  // src/webview/results/renderOutput.ts
  function renderOutput(out, highlightLine, onShowAll) {
    const pre = h4("pre", { class: "output", attrs: { tabindex: "0", "aria-label": `output, ${out.lines} lines` } });
    const idx = highlightLine ? out.text.indexOf(highlightLine) : -1;
    if (idx >= 0 && highlightLine) {
      pre.appendChild(document.createTextNode(out.text.slice(0, idx)));
      pre.appendChild(h4("mark", { class: "evidence-line", attrs: { tabindex: "-1", "data-evidence-mark": "" } }, highlightLine));
      pre.appendChild(document.createTextNode(out.text.slice(idx + highlightLine.length)));
    } else {
      pre.textContent = out.text === "" ? "(no output)" : out.text;
    }
    const box = h4("div", { class: "output-box" }, pre);
    if (highlightLine && idx < 0) {
      box.appendChild(h4("p", { class: "hint" }, out.truncated ? "The evidence line is beyond the part shown here: show all to find it." : "The evidence line is not in this check's output."));
    }
    if (out.truncated) {
      const kept = out.capped ? " The run history keeps only its beginning and its end." : "";
      box.appendChild(
        h4(
          "div",
          { class: "truncated" },
          h4("span", {}, `Showing the first part of ${out.lines} lines (${formatBytes(out.bytes)}).${kept} `),
          onShowAll ? button(out.capped ? "Open What Was Kept" : `Show All ${out.lines} Lines`, onShowAll, {
            secondary: true,
            icon: "go-to-file",
            title: "Open the output in an editor"
          }) : null
        )
      );
    }
    return box;
  }

  // src/webview/results/renderFixes.ts
  function fixCard(ctx2, v3, f3) {
    const applied = v3.fixesApplied.filter((a3) => a3.id === f3.id && a3.exitCode === 0);
    const label = f3.letter && !/^Fix /i.test(f3.title) ? `Fix ${f3.letter}: ${f3.title}` : f3.title;
    return h4(
      "div",
      { class: `fix-card${f3.recommended ? " recommended" : ""}` },
      h4(
        "div",
        { class: "fix-head" },
        icon(f3.kind === "command" ? "terminal" : f3.kind === "code" ? "code" : "book"),
        h4("h3", {}, label),
        f3.recommended ? h4("span", { class: "pill status-certain" }, "recommended") : null,
        f3.cause && !f3.recommended ? h4("span", { class: "muted" }, ` if the cause is ${f3.cause.title} (${percent(f3.cause.probability)})`) : null
      ),
      f3.command ? h4("pre", { class: "command", attrs: { "aria-label": "command" } }, f3.command) : null,
      f3.effect ? h4("p", {}, h4("strong", {}, "What it does: "), f3.effect) : null,
      h4("p", { class: "fix-text" }, f3.text.trim()),
      f3.kind === "command" && !v3.live ? h4(
        "div",
        { class: "fix-actions" },
        button(applied.length ? "Apply again\u2026" : "Apply Fix\u2026", () => ctx2.post({ type: "applyFix", runId: v3.runId, fix: f3.id }), {
          secondary: !f3.recommended,
          icon: "wrench",
          focusKey: `fix:${f3.id}`,
          title: "Beacon Debug shows the exact command and asks for confirmation before anything runs"
        }),
        h4("span", { class: "muted" }, ` on ${v3.environment.name}${v3.environment.production ? " (PRODUCTION)" : ""}, after a confirmation`)
      ) : null
    );
  }
  function renderFixes(ctx2, v3) {
    if (!v3.fixes.length && !v3.fixesApplied.length) return null;
    const applied = v3.fixesApplied.map(
      (a3) => h4(
        "li",
        { class: "applied" },
        icon(a3.exitCode === 0 ? "pass" : "error", a3.exitCode === 0 ? "succeeded" : "failed", `verdict verdict-${a3.exitCode === 0 ? "pass" : "fail"}`),
        " ",
        h4("strong", {}, a3.title),
        ` on ${a3.environment} at ${utcDateTime(a3.appliedAt)} \u2014 exit code ${a3.exitCode}`,
        h4("pre", { class: "command" }, a3.command),
        a3.undoCommand ? h4("p", { class: "muted" }, "Undo: ", h4("code", {}, a3.undoCommand)) : null,
        a3.output.text ? renderOutput(a3.output, null, null) : null
      )
    );
    return section(
      ctx2,
      "fixes",
      "Fix",
      v3.fixes.some((f3) => f3.recommended) ? "recommended" : v3.fixes.length ? "for the leading causes" : "applied",
      v3.fixes.length && !v3.fixes.some((f3) => f3.recommended) ? h4("p", { class: "hint" }, icon("warning"), " The root cause is not certain: these are the fixes of the causes still in the running.") : null,
      ...v3.fixes.map((f3) => fixCard(ctx2, v3, f3)),
      applied.length ? h4("h3", {}, "Applied") : null,
      applied.length ? h4("ul", { class: "applied-list" }, ...applied) : null
    );
  }

  // src/webview/results/icons.ts
  var VERDICT_ICON = {
    pass: "pass",
    fail: "error",
    warn: "warning",
    inconclusive: "question",
    error: "circle-slash",
    skipped: "debug-step-over",
    pending: "circle-large-outline",
    running: "loading",
    done: "check"
  };
  var VERDICT_LABEL = {
    pass: "pass",
    fail: "fail",
    warn: "warning",
    inconclusive: "inconclusive",
    error: "could not run",
    skipped: "skipped",
    pending: "pending",
    running: "running",
    done: "done"
  };
  function verdictLabel(v3) {
    return VERDICT_LABEL[v3];
  }
  function verdictIcon(v3) {
    return icon(VERDICT_ICON[v3], VERDICT_LABEL[v3], `verdict verdict-${v3}${v3 === "running" ? " codicon-modifier-spin" : ""}`);
  }

  // src/webview/results/renderHeader.ts
  function renderCounts(counts) {
    const list = h4("ul", { class: "counts", attrs: { "aria-label": "steps by verdict" } });
    for (const v3 of VERDICT_ORDER) {
      const n6 = counts[v3];
      if (!n6) continue;
      list.appendChild(h4("li", { class: `count count-${v3}` }, verdictIcon(v3), h4("span", { class: "count-n" }, String(n6)), " ", verdictLabel(v3)));
    }
    if (!list.childElementCount) list.appendChild(h4("li", { class: "count" }, "no steps"));
    return list;
  }
  function renderHeader(ctx2, v3) {
    const env = v3.environment;
    const failed = (v3.counts.fail ?? 0) + (v3.counts.error ?? 0);
    const actions = h4(
      "div",
      { class: "actions", attrs: { role: "toolbar", "aria-label": "run actions" } },
      button("Export Report\u2026", () => ctx2.post({ type: "exportReport", runId: v3.runId }), { icon: "save", focusKey: "action:export", disabled: v3.live }),
      button("Copy Report", () => ctx2.post({ type: "copyReport", runId: v3.runId }), { secondary: true, icon: "copy", focusKey: "action:copy", disabled: v3.live }),
      failed && !v3.live ? button(`Re-run ${failed} failed`, () => ctx2.post({ type: "rerunFailed", runId: v3.runId }), { secondary: true, icon: "debug-rerun", focusKey: "action:rerun" }) : null
    );
    const when = v3.live ? h4("span", { class: "live", attrs: { role: "status" } }, h4("vscode-progress-ring", { attrs: { "aria-label": "running" } }), ` Running since ${utcDateTime(v3.startedAt)}`) : h4("span", {}, `${utcDateTime(v3.startedAt)} \u2192 ${utcDateTime(v3.finishedAt)} (${formatDuration(v3.durationMs)})${v3.cancelled ? " \u2014 cancelled" : ""}`);
    return h4(
      "header",
      { class: "summary" },
      h4(
        "div",
        { class: "title-row" },
        h4("h1", {}, `${v3.runbookTitle}`),
        actions
      ),
      h4(
        "p",
        { class: "meta" },
        icon("server-environment"),
        " ",
        h4("strong", {}, env.name),
        env.production ? h4("span", { class: "prod-badge", attrs: { title: "production environment" } }, "PRODUCTION") : null,
        h4("span", { class: "sep" }, " \xB7 "),
        h4("span", { class: "mono" }, env.flyApp),
        h4("span", { class: "sep" }, " \xB7 "),
        v3.label,
        h4("span", { class: "sep" }, " \xB7 "),
        when
      ),
      renderCounts(v3.counts)
    );
  }

  // src/webview/results/renderHistory.ts
  function describeEntry(e8) {
    const counts = Object.entries(e8.counts).filter(([, n6]) => n6).map(([v3, n6]) => `${n6} ${v3}`).join(", ");
    return `${utcDateTime(e8.startedAt)} \xB7 ${e8.environment} \xB7 ${e8.label} \xB7 ${counts || "no steps"}`;
  }
  function select(id2, label, entries, value) {
    const sel = h4("vscode-single-select", { attrs: { id: id2, "aria-label": label } });
    for (const e8 of entries) {
      sel.appendChild(h4("vscode-option", { attrs: { value: e8.id, selected: e8.id === value } }, describeEntry(e8)));
    }
    return sel;
  }
  function comparison(c5) {
    const verdicts = c5.verdicts.length ? h4(
      "table",
      { class: "compare-table" },
      h4("thead", {}, h4("tr", {}, h4("th", { attrs: { scope: "col" } }, "Step"), h4("th", { attrs: { scope: "col" } }, "Before"), h4("th", { attrs: { scope: "col" } }, "After"))),
      h4(
        "tbody",
        {},
        ...c5.verdicts.map(
          (v3) => h4(
            "tr",
            {},
            h4("th", { attrs: { scope: "row" } }, `${v3.step} ${v3.title}`),
            h4("td", {}, v3.before ? verdictIcon(v3.before) : null, ` ${v3.before ?? "not run"}`),
            h4("td", {}, v3.after ? verdictIcon(v3.after) : null, ` ${v3.after ?? "not run"}`)
          )
        )
      )
    ) : h4("p", { class: "muted" }, "No verdict changed.");
    const show = (x2) => x2 === void 0 ? "unknown" : JSON.stringify(x2);
    const facts = c5.facts.length ? h4(
      "table",
      { class: "compare-table" },
      h4("thead", {}, h4("tr", {}, h4("th", { attrs: { scope: "col" } }, "Fact"), h4("th", { attrs: { scope: "col" } }, "Before"), h4("th", { attrs: { scope: "col" } }, "After"))),
      h4("tbody", {}, ...c5.facts.map((f3) => h4("tr", {}, h4("th", { attrs: { scope: "row" }, class: "mono" }, f3.fact), h4("td", { class: "mono" }, show(f3.before)), h4("td", { class: "mono" }, show(f3.after)))))
    ) : h4("p", { class: "muted" }, "No fact changed.");
    const rc = (x2) => x2 ? `${x2.title} (${percent(x2.probability)})` : "not diagnosed";
    return h4(
      "div",
      { class: "comparison", attrs: { role: "region", "aria-label": "comparison" } },
      h4("h3", {}, `Compared: ${utcDateTime(c5.before.startedAt)} \u2192 ${utcDateTime(c5.after.startedAt)}`),
      h4("p", {}, h4("strong", {}, "Root cause: "), rc(c5.rootCause.before), " \u2192 ", rc(c5.rootCause.after), c5.rootCause.changed ? h4("span", { class: "pill status-undetermined" }, "changed") : h4("span", { class: "muted" }, " (unchanged)")),
      h4("h4", {}, `Verdicts that changed (${c5.verdicts.length}; ${c5.unchanged} unchanged)`),
      verdicts,
      h4("h4", {}, `Facts that changed (${c5.facts.length})`),
      facts
    );
  }
  function renderHistory(ctx2, selectedId) {
    const entries = ctx2.model.history;
    const list = h4("ol", { class: "history", attrs: { "aria-label": "past runs, newest first" } });
    for (const e8 of entries) {
      const current = e8.id === selectedId;
      list.appendChild(
        h4(
          "li",
          { class: `history-row${current ? " current" : ""}`, attrs: { "aria-current": current ? "true" : void 0 } },
          h4("span", { class: "history-when" }, utcDateTime(e8.startedAt)),
          h4("span", { class: "history-env" }, e8.environment, e8.production ? h4("span", { class: "prod-badge" }, "PROD") : null),
          h4("span", { class: "history-label" }, e8.label),
          h4("span", { class: "history-cause" }, e8.rootCause ? `${e8.rootCause.title} (${percent(e8.rootCause.probability)})` : "not diagnosed"),
          current ? h4("span", { class: "muted" }, icon("eye"), " shown") : button("Show", () => ctx2.post({ type: "selectRun", runId: e8.id }), { secondary: true, focusKey: `history:${e8.id}` })
        )
      );
    }
    const compare = entries.length >= 2 ? h4(
      "div",
      { class: "compare-form" },
      h4("label", { attrs: { for: "compare-before" } }, "Compare"),
      select("compare-before", "earlier run", entries, ctx2.model.compare?.before.id ?? entries[1].id),
      h4("label", { attrs: { for: "compare-after" } }, "with"),
      select("compare-after", "later run", entries, ctx2.model.compare?.after.id ?? entries[0].id),
      button("Compare", () => {
        const before = document.getElementById("compare-before")?.value;
        const after = document.getElementById("compare-after")?.value;
        if (before && after) ctx2.post({ type: "compareRuns", before, after });
      }, { icon: "diff", focusKey: "compare" })
    ) : h4("p", { class: "muted" }, entries.length ? "Two runs are needed to compare." : "No run saved yet.");
    return section(
      ctx2,
      "history",
      "History",
      `${entries.length} run${entries.length === 1 ? "" : "s"}`,
      list,
      compare,
      ctx2.model.compare ? comparison(ctx2.model.compare) : null
    );
  }

  // src/webview/results/renderSteps.ts
  var BAD = /* @__PURE__ */ new Set(["fail", "error"]);
  function checkBlock(ctx2, v3, s5, c5) {
    const hl = ctx2.model.highlight;
    const line = hl && hl.step === s5.id && hl.check === c5.id ? hl.line : null;
    const key = `${s5.id}/${c5.id}`;
    return h4(
      "div",
      { class: `check verdict-row-${c5.verdict}`, attrs: { id: `check-${s5.id}-${c5.id}` } },
      h4(
        "div",
        { class: "check-head" },
        verdictIcon(c5.verdict),
        h4("span", { class: "check-label" }, c5.label),
        h4("span", { class: "muted" }, ` ${verdictLabel(c5.verdict)} \xB7 ${formatDuration(c5.durationMs)}${c5.cached ? " \xB7 cached answer" : ""}${c5.vantage ? ` \xB7 from ${c5.vantage}` : ""}`)
      ),
      h4("p", { class: "reason" }, c5.reason),
      c5.command ? h4("pre", { class: "command", attrs: { "aria-label": "command" } }, c5.command) : null,
      disclosure(
        ctx2,
        `output:${key}`,
        false,
        [`Output (${c5.output.lines} line${c5.output.lines === 1 ? "" : "s"}${c5.output.truncated ? ", truncated" : ""})`],
        () => [renderOutput(c5.output, line, v3.live ? null : () => ctx2.post({ type: "showAllOutput", runId: v3.runId, step: s5.id, check: c5.id }))],
        "output-details"
      )
    );
  }
  function stepBlock(ctx2, v3, s5) {
    const key = `step:${s5.id}`;
    const summary = [
      verdictIcon(s5.verdict),
      h4("span", { class: "step-id" }, s5.id),
      h4("span", { class: "step-title" }, s5.title),
      h4("span", { class: "step-reason" }, s5.reason),
      h4("span", { class: "step-time muted" }, `${s5.ran ? "" : "earlier run \xB7 "}${formatDuration(s5.durationMs)}`)
    ];
    const el = disclosure(
      ctx2,
      key,
      BAD.has(s5.verdict),
      summary,
      () => [
        h4(
          "div",
          { class: "step-body" },
          h4("p", { class: "muted" }, `${verdictLabel(s5.verdict)}${s5.ran ? "" : " (carried over from an earlier run)"} \u2014 ${s5.reason}`),
          ...s5.checks.map((c5) => checkBlock(ctx2, v3, s5, c5)),
          s5.checks.length ? null : h4("p", { class: "muted" }, "No check ran for this step."),
          button("Open Step Text", () => ctx2.post({ type: "openStep", step: s5.id }), { secondary: true, icon: "book", focusKey: `open-step:${s5.id}` })
        )
      ],
      `step verdict-row-${s5.verdict}`
    );
    el.id = `step-${s5.id}`;
    return el;
  }
  function renderSteps(ctx2, v3) {
    const groups = v3.groups.map(
      (g2) => h4("div", { class: "group" }, h4("h3", { class: "group-title" }, g2.title), ...g2.steps.map((s5) => stepBlock(ctx2, v3, s5)))
    );
    const total = v3.groups.reduce((n6, g2) => n6 + g2.steps.length, 0);
    return section(ctx2, "steps", "Phases and steps", `${total} step${total === 1 ? "" : "s"}`, renderCounts(v3.counts), ...groups);
  }

  // src/webview/results/renderTree.ts
  function nodeCard(n6, index, numberOf, goTo) {
    const cls = `tree-node${n6.onPath ? " on-path" : " off-path"}${n6.isEnd ? " end" : ""}`;
    const branches = h4("ul", { class: "branches", attrs: { "aria-label": `answers to question ${index + 1}` } });
    for (const b3 of n6.branches) {
      const target = b3.to.kind === "cause" ? h4("span", { class: "to-cause" }, icon("debug-breakpoint-log"), " ", b3.to.title) : linkButton(`question ${numberOf.get(b3.to.id) ?? b3.to.id}`, () => goTo(b3.to.id), { focusKey: `tree-go:${n6.id}:${b3.to.id}`, title: `Go to question ${numberOf.get(b3.to.id) ?? b3.to.id} (${b3.to.id})` });
      branches.appendChild(
        h4(
          "li",
          { class: `branch${b3.taken ? " taken" : ""}`, attrs: { "aria-current": b3.taken ? "step" : void 0 } },
          b3.taken ? icon("arrow-right", "taken") : icon("dash"),
          h4("span", { class: "branch-label" }, b3.label),
          " \u2192 ",
          target,
          b3.note ? h4("div", { class: "branch-note muted" }, b3.note) : null
        )
      );
    }
    return h4(
      "li",
      { class: cls, attrs: { id: `tree-${n6.id}`, tabindex: "-1", "aria-label": `${n6.onPath ? "on the path: " : ""}${n6.question}` } },
      h4("div", { class: "tree-q" }, h4("span", { class: "tree-n" }, String(index + 1)), h4("span", {}, n6.question), n6.needs.length ? h4("span", { class: "muted" }, ` (steps ${n6.needs.join(", ")})`) : null),
      branches
    );
  }
  function renderTree(ctx2, v3) {
    const t5 = v3.tree;
    if (!t5) return null;
    const goTo = (id2) => {
      const el = document.getElementById(`tree-${id2}`);
      el?.scrollIntoView({ block: "center" });
      el?.focus();
    };
    const numberOf = new Map(t5.nodes.map((n6, i7) => [n6.id, i7 + 1]));
    const flow = h4("ol", { class: "tree-flow" }, ...t5.nodes.map((n6, i7) => nodeCard(n6, i7, numberOf, goTo)));
    return section(
      ctx2,
      "tree",
      "Decision tree",
      t5.outcome.text,
      h4("p", { class: `tree-outcome outcome-${t5.outcome.kind}` }, icon(t5.outcome.kind === "leaf" ? "target" : t5.outcome.kind === "needs" ? "debug-pause" : "circle-slash"), " ", t5.outcome.text),
      flow,
      t5.notes.length ? h4("ul", { class: "notes" }, ...t5.notes.map((n6) => h4("li", {}, n6))) : null,
      disclosure(ctx2, "tree:plan", false, ["The plan's tree, as the plan drew it"], () => [h4("pre", { class: "plan-tree" }, t5.planText)], "sub"),
      t5.impossible.length ? disclosure(ctx2, "tree:impossible", false, [`Branches of the plan that cannot happen in this runner (${t5.impossible.length})`], () => [
        h4("ul", { class: "notes" }, ...t5.impossible.map((i7) => h4("li", {}, h4("strong", {}, i7.branch), " \u2014 ", i7.why)))
      ], "sub") : null
    );
  }

  // src/webview/results/main.ts
  config({ jitless: true });
  var vscode = acquireVsCodeApi();
  var saved = decodePageState(vscode.getState());
  var model = initialModel(saved);
  var restoreScroll = saved?.scrollY ?? 0;
  function persist() {
    vscode.setState(pageState(model, window.scrollY));
  }
  var ctx = {
    model,
    post: (msg) => vscode.postMessage(msg),
    rerender: () => render(),
    ...createOpenState(model, persist)
  };
  function notice() {
    const n6 = model.notice;
    return h4(
      "div",
      { class: `notice${n6 ? ` notice-${n6.level}` : ""}`, attrs: { role: "status", "aria-live": "polite" } },
      n6 ? icon(n6.level === "error" ? "error" : n6.level === "warning" ? "warning" : "info") : null,
      n6 ? ` ${n6.text}` : ""
    );
  }
  function content() {
    if (!model.initialised) return [h4("p", { class: "muted loading" }, "Loading results\u2026")];
    const v3 = model.view;
    if (!v3) {
      return [
        h4("header", { class: "summary" }, h4("h1", {}, "Beacon Debug results")),
        h4("p", { class: "empty" }, icon("info"), " ", model.emptyText ?? "No run yet."),
        renderHistory(ctx, null)
      ];
    }
    return [
      renderHeader(ctx, v3),
      renderDiagnosis(ctx, v3),
      renderFixes(ctx, v3),
      renderTree(ctx, v3),
      renderSteps(ctx, v3),
      renderCriteria(ctx, v3),
      renderHistory(ctx, v3.live ? null : v3.runId)
    ].filter((e8) => e8 !== null);
  }
  function render() {
    const focusKey = document.activeElement?.closest?.("[data-focus-key]")?.getAttribute("data-focus-key");
    const root = h4("main", { attrs: { id: "app", "aria-busy": model.view?.live ? "true" : void 0 } }, notice(), ...content());
    const old = document.getElementById("app");
    if (old) old.replaceWith(root);
    else document.body.appendChild(root);
    if (focusKey) {
      for (const el of Array.from(document.querySelectorAll("[data-focus-key]"))) {
        if (el.getAttribute("data-focus-key") === focusKey) {
          el.focus();
          break;
        }
      }
    }
    persist();
  }
  window.addEventListener("message", (event) => {
    const decoded = decodeHostMessage(event.data);
    if (!decoded.ok) {
      console.warn(`[beacon-debug results] ${decoded.error}`);
      return;
    }
    const first = !model.initialised && decoded.message.type === "init";
    if (!applyHostMessage(model, decoded.message)) return;
    render();
    if (first && restoreScroll) {
      window.scrollTo(0, restoreScroll);
      restoreScroll = 0;
    }
  });
  var scrollTimer;
  window.addEventListener("scroll", () => {
    clearTimeout(scrollTimer);
    scrollTimer = setTimeout(persist, 200);
  });
  render();
  vscode.postMessage({ type: "ready" });
})();
/*! Bundled license information:

@lit/reactive-element/css-tag.js:
  (**
   * @license
   * Copyright 2019 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

@lit/reactive-element/reactive-element.js:
lit-html/lit-html.js:
lit-element/lit-element.js:
@lit/reactive-element/decorators/custom-element.js:
@lit/reactive-element/decorators/property.js:
@lit/reactive-element/decorators/state.js:
@lit/reactive-element/decorators/event-options.js:
@lit/reactive-element/decorators/base.js:
@lit/reactive-element/decorators/query.js:
@lit/reactive-element/decorators/query-all.js:
@lit/reactive-element/decorators/query-async.js:
@lit/reactive-element/decorators/query-assigned-nodes.js:
lit-html/directive.js:
lit-html/directives/repeat.js:
  (**
   * @license
   * Copyright 2017 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

lit-html/is-server.js:
  (**
   * @license
   * Copyright 2022 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

@lit/reactive-element/decorators/query-assigned-elements.js:
lit-html/directives/when.js:
  (**
   * @license
   * Copyright 2021 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

lit-html/directives/class-map.js:
lit-html/directives/if-defined.js:
  (**
   * @license
   * Copyright 2018 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)

lit-html/directive-helpers.js:
  (**
   * @license
   * Copyright 2020 Google LLC
   * SPDX-License-Identifier: BSD-3-Clause
   *)
*/
//# sourceMappingURL=results.js.map
