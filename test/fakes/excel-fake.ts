// An in-memory Excel behind the task pane's adapter: the subset of the Excel JavaScript API the
// adapter uses, with Office.js's batch semantics — properties readable only after load() and
// context.sync(), writes applied at sync — and a count of the syncs. Each modelled behaviour cites
// its source: the doc comments of node_modules/@types/office-js/index.d.ts ("typings") or
// learn.microsoft.com.

type Value = string | number | boolean;

interface FakeCell {
  value: Value;
  numberFormat?: string;
  /** Set when a write was taken as a formula (typings of Range.values). */
  formula?: string;
}

interface FakeFormat {
  id: string;
  /** 'Custom' unless said otherwise (a user's colour scale, say). */
  type?: string;
  cells: string[]; // "r,c"
  formula: string;
  fill: string;
}

/**
 * A sheet's cells by "r,c", also indexed by row and bounded as they are set: reading 40,000 cells
 * or finding the used range of 900,000 is then cheap, as it is for Excel (whose work happens
 * outside the pane's thread); the fake's own bookkeeping must not pass for the pane's.
 */
export class CellMap extends Map<string, FakeCell> {
  private byRow: Map<number, Map<number, FakeCell>> | undefined;
  private bounds: Box | undefined;
  private boundsStale = false;
  override set(key: string, cell: FakeCell): this {
    super.set(key, cell);
    const comma = key.indexOf(',');
    const r = Number(key.slice(0, comma));
    const c = Number(key.slice(comma + 1));
    this.byRow ??= new Map();
    const row = this.byRow.get(r) ?? this.byRow.set(r, new Map()).get(r)!;
    row.set(c, cell);
    const b = this.bounds;
    if (!b) this.bounds = { r1: r, c1: c, r2: r, c2: c };
    else {
      if (r < b.r1) b.r1 = r;
      if (r > b.r2) b.r2 = r;
      if (c < b.c1) b.c1 = c;
      if (c > b.c2) b.c2 = c;
    }
    return this;
  }
  override delete(key: string): boolean {
    const comma = key.indexOf(',');
    this.byRow?.get(Number(key.slice(0, comma)))?.delete(Number(key.slice(comma + 1)));
    this.boundsStale = true;
    return super.delete(key);
  }
  override clear(): void {
    this.byRow = undefined;
    this.bounds = undefined;
    this.boundsStale = false;
    super.clear();
  }
  at(r: number, c: number): FakeCell | undefined {
    return this.byRow?.get(r)?.get(c);
  }
  /** The box of the cells held, or undefined when it must be computed again (after a delete). */
  knownBounds(): Box | undefined {
    return this.boundsStale || !this.bounds ? undefined : { ...this.bounds };
  }
}

export interface FakeSheet {
  name: string;
  cells: CellMap;
  formats: FakeFormat[];
  tables: { name: string; address: string }[];
  bold: Set<string>;
  visibility?: string;
  /** Number formats of cells that hold no value yet ("r,c" → format). */
  emptyFormats?: Map<string, string>;
  /** Report-sheet layout, as the typings describe each setter. */
  layout?: { frozenRows?: number; autoFilter?: string; columnWidths?: Record<number, number>; rowHeights?: Record<number, number>; wrap?: string[]; orientation?: string; paperSize?: string; zoom?: unknown; printTitleRows?: string };
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
function colLetters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

interface Box {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

function parseArea(a: string): Box {
  const ref = a.includes('!') ? a.slice(a.lastIndexOf('!') + 1) : a;
  const [p, q] = ref.replace(/\$/g, '').split(':');
  // Whole columns ("B:B"), as Worksheet.getRange accepts them (typings of getRange).
  const cols = /^([A-Z]+)$/.exec(p);
  if (cols && q && /^[A-Z]+$/.test(q)) return { r1: 1, c1: colNumber(p), r2: 1_048_576, c2: colNumber(q) };
  // Whole rows ("3:5"), as Worksheet.getRange accepts them too.
  if (/^\d+$/.test(p) && q && /^\d+$/.test(q)) return { r1: Number(p), c1: 1, r2: Number(q), c2: 16_384 };
  const m1 = /^([A-Z]+)(\d+)$/.exec(p);
  const m2 = /^([A-Z]+)(\d+)$/.exec(q ?? p);
  if (!m1 || !m2) throw new Error(`InvalidArgument: bad address ${a}`);
  return { r1: Number(m1[2]), c1: colNumber(m1[1]), r2: Number(m2[2]), c2: colNumber(m2[1]) };
}

function* areaKeys(b: Box): Generator<string> {
  for (let r = b.r1; r <= b.r2; r++) for (let c = b.c1; c <= b.c2; c++) yield `${r},${c}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

export class FakeWorkbookModel {
  sheets: FakeSheet[] = [];
  active = '';
  selection = { sheet: '', address: 'A1' };
  use1904 = false;
  syncs = 0;
  /**
   * A read Excel refuses (a payload too large, a lost connection): a load of a range of a sheet
   * for which this gives a reason fails its whole sync with that reason, as a rejected batch does.
   */
  failRead: ((sheet: string, firstRow: number, lastRow: number) => string | undefined) | undefined;
  private nextId = 1;

  addSheet(name: string, rows: (Value | null)[][] = [], start = 'A1'): FakeSheet {
    const sheet: FakeSheet = { name, cells: new CellMap(), formats: [], tables: [], bold: new Set() };
    const { r1, c1 } = parseArea(start);
    rows.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v !== null && v !== undefined && v !== '') sheet.cells.set(`${r1 + i},${c1 + j}`, { value: v });
      }),
    );
    this.sheets.push(sheet);
    if (!this.active) {
      this.active = name;
      this.selection = { sheet: name, address: 'A1' };
    }
    return sheet;
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`ItemNotFound: sheet ${name}`);
    return s;
  }

  newFormatId(): string {
    return `cf${this.nextId++}`;
  }

  /** A snapshot of every cell value, for proving the pane changed none. */
  values(): Record<string, Value> {
    const out: Record<string, Value> = {};
    for (const s of this.sheets) for (const [k, c] of s.cells) out[`${s.name}!${k}`] = c.value;
    return out;
  }

  textOf(cell: FakeCell): string {
    if (typeof cell.value === 'number' && cell.numberFormat && /y/.test(cell.numberFormat)) {
      const day = Math.floor(cell.value) - (this.use1904 ? 24107 : 25569);
      const d = new Date(day * 86_400_000);
      return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    }
    return String(cell.value);
  }

  private usedCache = new WeakMap<FakeSheet, { size: number; box: Box | undefined }>();

  /** Forgets the used range of a sheet after a write (kept while only reads happen: big sheets stay fast). */
  touch(sheet: FakeSheet): void {
    this.usedCache.delete(sheet);
  }

  usedBox(sheet: FakeSheet): Box | undefined {
    const cached = this.usedCache.get(sheet);
    if (cached && cached.size === sheet.cells.size) return cached.box;
    const box = this.computeUsedBox(sheet);
    this.usedCache.set(sheet, { size: sheet.cells.size, box });
    return box;
  }

  private computeUsedBox(sheet: FakeSheet): Box | undefined {
    if (sheet.cells.size === 0) return undefined;
    const known = sheet.cells.knownBounds();
    if (known) return known;
    let [r1, c1, r2, c2] = [Infinity, Infinity, 0, 0];
    for (const k of sheet.cells.keys()) {
      const comma = k.indexOf(',');
      const r = Number(k.slice(0, comma));
      const c = Number(k.slice(comma + 1));
      if (r < r1) r1 = r;
      if (r > r2) r2 = r;
      if (c < c1) c1 = c;
      if (c > c2) c2 = c;
    }
    return { r1, c1, r2, c2 };
  }
}

class Batch {
  ops: (() => void)[] = [];
}

/** Base of proxies: a property is readable only once loaded and synced. */
class Proxy {
  protected loaded = new Set<string>();
  protected data: Record<string, unknown> = {};
  constructor(protected batch: Batch) {}
  protected get(prop: string): unknown {
    if (!this.loaded.has(prop)) throw new Error(`PropertyNotLoaded: ${prop} was not loaded and synced`);
    return this.data[prop];
  }
  protected queueLoad(props: string[], read: () => Record<string, unknown>): void {
    this.batch.ops.push(() => {
      const snap = read();
      for (const p of props) {
        this.data[p] = snap[p];
        this.loaded.add(p);
      }
    });
  }
}

const splitProps = (props: string) => props.split(',').map((p) => p.trim()).filter(Boolean);

class FakeConditionalFormat extends Proxy {
  constructor(batch: Batch, private sheet: FakeSheet, private fmt: FakeFormat) {
    super(batch);
    this.data.type = fmt.type ?? 'Custom';
    this.loaded.add('type');
    this.data.formula = fmt.formula;
    this.loaded.add('formula');
  }
  get type() {
    return this.get('type');
  }
  get customOrNullObject() {
    if ((this.fmt.type ?? 'Custom') !== 'Custom') return { isNullObject: true };
    return { isNullObject: false, ...this.custom };
  }
  get custom() {
    if ((this.fmt.type ?? 'Custom') !== 'Custom') throw new Error('InvalidOperation: not a custom conditional format');
    const self = this;
    return {
      rule: {
        get formula() {
          return self.get('formula');
        },
        set formula(f: unknown) {
          self.batch.ops.push(() => (self.fmt.formula = String(f)));
        },
      },
      format: {
        fill: {
          set color(c: string) {
            self.batch.ops.push(() => (self.fmt.fill = c));
          },
        },
      },
    };
  }
  delete(): void {
    this.batch.ops.push(() => (this.sheet.formats = this.sheet.formats.filter((f) => f !== this.fmt)));
  }
  /** The cells the format applies to (typings: ConditionalFormat.getRanges, RangeAreas.cellCount). */
  getRanges() {
    const { fmt } = this;
    return new (class extends Proxy {
      load(_p: string) {
        this.queueLoad(['cellCount'], () => ({ cellCount: fmt.cells.length }));
      }
      get cellCount() {
        return this.get('cellCount') as number;
      }
    })(this.batch);
  }
}

class FakeFormatCollection extends Proxy {
  constructor(batch: Batch, private model: FakeWorkbookModel, private sheet: FakeSheet, private boxes: () => Box[], private cells: () => string[]) {
    super(batch);
  }
  load(_props?: string): void {
    this.queueLoad(['items'], () => {
      const boxes = this.boxes();
      const inside = (key: string) => {
        const [r, c] = key.split(',').map(Number);
        return boxes.some((b) => r >= b.r1 && r <= b.r2 && c >= b.c1 && c <= b.c2);
      };
      const items = this.sheet.formats.filter((f) => f.cells.some(inside)).map((f) => new FakeConditionalFormat(this.batch, this.sheet, f));
      return { items };
    });
  }
  get items(): FakeConditionalFormat[] {
    return this.get('items') as FakeConditionalFormat[];
  }
  add(_type: string): FakeConditionalFormat {
    const fmt: FakeFormat = { id: this.model.newFormatId(), cells: [], formula: '', fill: '' };
    const cf = new FakeConditionalFormat(this.batch, this.sheet, fmt);
    this.batch.ops.push(() => {
      fmt.cells = this.cells();
      this.sheet.formats.push(fmt);
    });
    return cf;
  }
}

class FakeRange extends Proxy {
  // The sheet is resolved when the batch runs, as Office.js proxies are.
  constructor(batch: Batch, protected model: FakeWorkbookModel, private sheetRef: () => FakeSheet, protected boxes: () => Box[] | undefined) {
    super(batch);
  }
  protected get sheet(): FakeSheet {
    return this.sheetRef();
  }
  private box(): Box | undefined {
    return this.boxes()?.[0];
  }
  private cellKeys(): string[] {
    const keys: string[] = [];
    for (const b of this.boxes() ?? []) for (let r = b.r1; r <= b.r2; r++) for (let c = b.c1; c <= b.c2; c++) keys.push(`${r},${c}`);
    return keys;
  }
  load(props: string): void {
    // As in Office.js, any load of an …OrNullObject also tells whether it is null.
    const list = [...splitProps(props), 'isNullObject'];
    this.queueLoad(list, () => {
      const b = this.box();
      const refused = b && list.includes('values') ? this.model.failRead?.(this.sheet.name, b.r1, b.r2) : undefined;
      if (refused) throw new Error(refused);
      const grid = <T,>(f: (cell: FakeCell | undefined) => T): T[][] => {
        if (!b) return [];
        const out: T[][] = [];
        const cells = this.sheet.cells;
        for (let r = b.r1; r <= b.r2; r++) {
          const row: T[] = [];
          for (let c = b.c1; c <= b.c2; c++) row.push(f(cells.at(r, c)));
          out.push(row);
        }
        return out;
      };
      // Only what was asked for is computed: a big used range loaded for its address stays cheap.
      const want = new Set(list);
      return {
        address: b ? `${this.sheet.name}!${colLetters(b.c1)}${b.r1}${b.r1 === b.r2 && b.c1 === b.c2 ? '' : `:${colLetters(b.c2)}${b.r2}`}` : '',
        rowCount: b ? b.r2 - b.r1 + 1 : 0,
        columnCount: b ? b.c2 - b.c1 + 1 : 0,
        values: want.has('values') ? grid((c) => (c ? c.value : '')) : undefined,
        text: want.has('text') ? grid((c) => (c ? this.model.textOf(c) : '')) : undefined,
        numberFormat: want.has('numberFormat') ? grid((c) => c?.numberFormat ?? 'General') : undefined,
        isNullObject: b === undefined,
      };
    });
  }
  get address() {
    return this.get('address') as string;
  }
  get rowCount() {
    return this.get('rowCount') as number;
  }
  get columnCount() {
    return this.get('columnCount') as number;
  }
  get text() {
    return this.get('text') as unknown[][];
  }
  get numberFormat(): unknown[][] {
    return this.get('numberFormat') as unknown[][];
  }
  get isNullObject() {
    return this.get('isNullObject') as boolean;
  }
  get values(): unknown[][] {
    return this.get('values') as unknown[][];
  }
  set values(v: unknown[][]) {
    this.batch.ops.push(() => {
      const b = this.box()!;
      v.forEach((row, i) => row.forEach((x, j) => {
        const key = `${b.r1 + i},${b.c1 + j}`;
        this.model.touch(this.sheet);
        const format = this.sheet.cells.get(key)?.numberFormat ?? this.sheet.emptyFormats?.get(key);
        this.sheet.emptyFormats?.delete(key);
        if (x === '' || x === null) this.sheet.cells.delete(key);
        // Typings of Range.values: "If the returned value starts with a plus ("+"), minus ("-"), or
        // equal sign ("="), Excel interprets this value as a formula" — unless the cell is text ("@").
        else if (typeof x === 'string' && /^[=+-]/.test(x) && format !== '@') this.sheet.cells.set(key, { value: '#NAME?', formula: x, numberFormat: format });
        else this.sheet.cells.set(key, { value: x as Value, numberFormat: format });
      }));
    });
  }
  /** Number formats go in first, for cells with or without a value (typings of Range.numberFormat). */
  set numberFormat(v: unknown[][]) {
    this.batch.ops.push(() => {
      const b = this.box()!;
      v.forEach((row, i) => row.forEach((f, j) => {
        const key = `${b.r1 + i},${b.c1 + j}`;
        const cell = this.sheet.cells.get(key);
        if (cell) cell.numberFormat = String(f);
        else (this.sheet.emptyFormats ??= new Map()).set(key, String(f));
      }));
    });
  }
  get conditionalFormats() {
    return new FakeFormatCollection(this.batch, this.model, this.sheet, () => this.boxes() ?? [], () => this.cellKeys());
  }
  /** Formatting of our own report sheet: recorded so tests can see it (typings of RangeFormat). */
  get format() {
    const self = this;
    const layout = () => (self.sheet.layout ??= {});
    return {
      font: { set bold(_b: boolean) { /* bold header: nothing to check */ }, set size(_s: number) { /* the title's size: nothing to check */ } },
      set wrapText(w: boolean) {
        self.batch.ops.push(() => { if (w) (layout().wrap ??= []).push(self.boxAddress()); });
      },
      set verticalAlignment(_a: string) { /* top-aligned rows: nothing to check */ },
      /** Typings: RangeFormat.rowHeight, in points. */
      set rowHeight(h: number) {
        self.batch.ops.push(() => { const b = self.box()!; for (let r = b.r1; r <= b.r2; r++) (layout().rowHeights ??= {})[r] = h; });
      },
      set columnWidth(w: number) {
        self.batch.ops.push(() => { const b = self.box()!; for (let c = b.c1; c <= b.c2; c++) (layout().columnWidths ??= {})[c] = w; });
      },
    };
  }
  boxAddress(): string {
    const b = this.box()!;
    return `${colLetters(b.c1)}${b.r1}:${colLetters(b.c2)}${b.r2}`;
  }
  /** The bounding box of the non-empty cells inside this range, or a null object. */
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.batch, this.model, () => this.sheet, () => {
      const a = this.boxes()?.[0];
      const used = this.model.usedBox(this.sheet);
      if (!a || !used) return undefined;
      if (a.r1 <= used.r1 && a.c1 <= used.c1 && a.r2 >= used.r2 && a.c2 >= used.c2) return [used];
      let box: Box | undefined;
      const area = (a.r2 - a.r1 + 1) * (a.c2 - a.c1 + 1);
      // A small area is searched cell by cell; a big one through the sheet's cells.
      const keys = area < this.sheet.cells.size ? [...areaKeys(a)].filter((k) => this.sheet.cells.has(k)) : this.sheet.cells.keys();
      for (const k of keys) {
        const [r, c] = k.split(',').map(Number);
        if (r < a.r1 || r > a.r2 || c < a.c1 || c > a.c2) continue;
        box = box ? { r1: Math.min(box.r1, r), c1: Math.min(box.c1, c), r2: Math.max(box.r2, r), c2: Math.max(box.c2, c) } : { r1: r, c1: c, r2: r, c2: c };
      }
      return box ? [box] : undefined;
    });
  }
  /** Typings: Range.clear(applyTo) — contents only here: values go, formats stay. */
  clear(_applyTo?: string): void {
    this.batch.ops.push(() => {
      for (const b of this.boxes() ?? []) for (const k of [...this.sheet.cells.keys()]) {
        const [r, c] = k.split(',').map(Number);
        if (r >= b.r1 && r <= b.r2 && c >= b.c1 && c <= b.c2) this.sheet.cells.delete(k);
      }
      this.model.touch(this.sheet);
    });
  }
  select(): void {
    this.batch.ops.push(() => {
      const b = this.box()!;
      this.model.selection = { sheet: this.sheet.name, address: `${colLetters(b.c1)}${b.r1}` };
    });
  }
}

class FakeTable {
  constructor(private batch: Batch, private model: FakeWorkbookModel, private sheet: FakeSheet, readonly name: string, private address: string) {}
  getRange(): FakeRange {
    return new FakeRange(this.batch, this.model, () => this.sheet, () => [parseArea(this.address)]);
  }
}

class FakeSheetProxy extends Proxy {
  constructor(batch: Batch, private model: FakeWorkbookModel, private resolve: () => FakeSheet | undefined) {
    super(batch);
  }
  private s(): FakeSheet {
    const s = this.resolve();
    if (!s) throw new Error('ItemNotFound: worksheet');
    return s;
  }
  load(props: string): void {
    this.queueLoad(splitProps(props), () => ({ name: this.resolve()?.name, isNullObject: this.resolve() === undefined }));
  }
  get name() {
    return this.get('name') as string;
  }
  get isNullObject() {
    return this.get('isNullObject') as boolean;
  }
  get tables() {
    const sheet = () => this.s();
    const { batch, model } = this;
    const proxy = new (class extends Proxy {
      load() {
        this.queueLoad(['items'], () => ({ items: sheet().tables.map((t) => new FakeTable(batch, model, sheet(), t.name, t.address)) }));
      }
      get items() {
        return this.get('items') as FakeTable[];
      }
    })(this.batch);
    return proxy;
  }
  getRange(address?: string): FakeRange {
    // Without an address: the whole sheet (its formats; values are not read that way here).
    return new FakeRange(this.batch, this.model, () => this.s(), () => (address ? [parseArea(address)] : [{ r1: 1, c1: 1, r2: 1_048_576, c2: 16_384 }]));
  }
  getRanges(address: string): FakeRange {
    return new FakeRange(this.batch, this.model, () => this.s(), () => address.split(',').map(parseArea));
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.batch, this.model, () => this.s(), () => {
      const b = this.model.usedBox(this.s());
      return b ? [b] : undefined;
    });
  }
  activate(): void {
    this.batch.ops.push(() => (this.model.active = this.s().name));
  }
  /** Typings: Worksheet.visibility (Visible, Hidden, VeryHidden). */
  set visibility(v: string) {
    this.batch.ops.push(() => (this.s().visibility = v));
  }
  /** Typings: WorksheetFreezePanes.freezeRows(count). */
  get freezePanes() {
    return { freezeRows: (n: number) => this.batch.ops.push(() => ((this.s().layout ??= {}).frozenRows = n)) };
  }
  /** Typings: AutoFilter.apply(range). */
  get autoFilter() {
    return { apply: (r: FakeRange) => this.batch.ops.push(() => ((this.s().layout ??= {}).autoFilter = r.boxAddress())) };
  }
  /** Typings: PageLayout.orientation, .zoom (PageLayoutZoomOptions), .setPrintTitleRows. */
  get pageLayout() {
    const { batch } = this;
    const layout = () => (this.s().layout ??= {});
    return {
      set orientation(o: string) { batch.ops.push(() => (layout().orientation = o)); },
      set zoom(z: unknown) { batch.ops.push(() => (layout().zoom = z)); },
      set paperSize(p: string) { batch.ops.push(() => (layout().paperSize = p)); },
      setPrintTitleRows: (rows: string) => batch.ops.push(() => (layout().printTitleRows = rows)),
    };
  }
  delete(): void {
    this.batch.ops.push(() => (this.model.sheets = this.model.sheets.filter((x) => x !== this.resolve())));
  }
}

class FakeContext {
  private batch = new Batch();
  constructor(private model: FakeWorkbookModel) {}
  get workbook() {
    const { batch, model } = this;
    return {
      worksheets: {
        getActiveWorksheet: () => new FakeSheetProxy(batch, model, () => model.sheets.find((s) => s.name === model.active)),
        getItem: (name: string) => new FakeSheetProxy(batch, model, () => model.sheet(name)),
        getItemOrNullObject: (name: string) => new FakeSheetProxy(batch, model, () => model.sheets.find((s) => s.name === name)),
        add: (name: string) => {
          batch.ops.push(() => {
            if (model.sheets.some((s) => s.name === name)) throw new Error(`ItemAlreadyExists: ${name}`);
            model.sheets.push({ name, cells: new CellMap(), formats: [], tables: [], bold: new Set() });
          });
          return new FakeSheetProxy(batch, model, () => model.sheets.find((s) => s.name === name));
        },
        _items: undefined as FakeSheetProxy[] | undefined,
        load(_p: string) {
          batch.ops.push(() => {
            this._items = model.sheets.map((s) => {
              const proxy = new FakeSheetProxy(batch, model, () => s);
              (proxy as unknown as { data: Record<string, unknown>; loaded: Set<string> }).data.name = s.name;
              (proxy as unknown as { loaded: Set<string> }).loaded.add('name');
              return proxy;
            });
          });
        },
        get items(): FakeSheetProxy[] {
          if (!this._items) throw new Error('PropertyNotLoaded: items');
          return this._items;
        },
      },
      // Typings of Workbook.getSelectedRange: "If there are multiple ranges selected, this method will throw an error."
      getSelectedRange: () =>
        new FakeRange(batch, model, () => model.sheet(model.selection.sheet), () => {
          if (model.selection.address.includes(',')) throw new Error('InvalidSelection: more than one range is selected');
          return [parseArea(model.selection.address)];
        }),
    };
  }
  /**
   * context.sync() is a round trip to Excel ("sends queued commands to Excel"): its promise settles
   * in a later task, never within the caller's task (learn.microsoft.com/office/dev/add-ins/excel/
   * excel-add-ins-core-concepts, "sync()").
   */
  async sync(): Promise<void> {
    await new Promise((r) => setTimeout(r, 0));
    this.model.syncs++;
    const ops = this.batch.ops;
    this.batch.ops = [];
    for (const op of ops) op();
  }
}

/** Installs the fake as the global `Excel` and returns the model behind it. */
export function installFakeExcel(model = new FakeWorkbookModel(), target: Record<string, unknown> = globalThis as never): FakeWorkbookModel {
  target.Excel = {
    run: async <T,>(cb: (ctx: FakeContext) => Promise<T>) => cb(new FakeContext(model)),
    ConditionalFormatType: { custom: 'Custom' },
    VerticalAlignment: { top: 'Top' },
    PageOrientation: { landscape: 'Landscape' },
    PaperType: { a4: 'A4' },
    SheetVisibility: { veryHidden: 'VeryHidden' },
    ClearApplyTo: { contents: 'Contents' },
  };
  return model;
}
