import Graph from 'graphology';
import Sigma from 'sigma';
import { useEffect, useRef, useState } from 'preact/hooks';
import { graphql } from '../api.js';
import { PROPOSAL_FIELDS, ProposalList, type ProposalView } from '../proposals.js';
import { href, setParams } from '../route.js';
import { ErrorBox, EvidenceList, FilterSelect, findingLabel, Loading, Table, useData } from '../ui.js';

/**
 * 边界图: departments as nodes (coloured by Louvain community, sized by their findings), joined
 * where they share matters, complaints or refusals; contested joins (an open overlap) in red.
 * WebGL by sigma.js; the layout comes from the server, made once per graph revision. A click on
 * a department or a join shows what lies behind it; an editor publishes a proposal from there.
 * The selection is in the URL (node=…, or a=…&b=…).
 */

interface MapNode {
  id: string;
  name: string;
  community: number | null;
  findings: number;
  x: number;
  y: number;
}
interface MapJoin {
  a: string;
  b: string;
  sharedMatters: number;
  complaints: number;
  refusals: number;
  weight: number;
  contested: boolean;
}
interface DepartmentMap {
  nodes: MapNode[];
  edges: MapJoin[];
  totalNodes: number;
  totalEdges: number;
}

// fresh: after the user's own publish, the analysis that includes it (not the previous one, which answers meanwhile).
const MAP = `query Map($region: ID, $fresh: Boolean) {
  regions { code name }
  analysis(fresh: $fresh) {
    generatedAt
    departmentMap(region: $region) {
      totalNodes totalEdges
      nodes { id name community findings x y }
      edges { a b sharedMatters complaints refusals weight contested }
    }
  }
}`;

const PAIR = `query Pair($a: ID!, $b: ID!, $fresh: Boolean) {
  analysis(fresh: $fresh) {
    departmentPair(a: $a, b: $b) {
      a { id name } b { id name } complaints refusals contested
      sharedMatters { id name }
      findings { id kind severity complaints matter { name } evidence { kind id text } }
      proposals { ${PROPOSAL_FIELDS} }
    }
  }
}`;

interface Pair {
  a: { id: string; name: string };
  b: { id: string; name: string };
  complaints: number;
  refusals: number;
  contested: boolean;
  sharedMatters: { id: string; name: string }[];
  findings: { id: string; kind: string; severity: number; complaints: number; matter: { name: string } | null; evidence: { id: string; text: string }[] }[];
  proposals: ProposalView[];
}

const PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#b07aa1', '#76b7b2', '#edc948', '#9c755f', '#ff9da7', '#bab0ac', '#17becf'];
const CONTESTED = '#d62728';

interface MapSelection {
  region?: string | undefined;
  node?: string | undefined;
  a?: string | undefined;
  b?: string | undefined;
}

export interface MapPageProps {
  selection: MapSelection;
  canPublish: boolean;
}

export function MapPage({ selection, canPublish }: MapPageProps) {
  const [version, setVersion] = useState(0);
  const map = useData(
    () =>
      graphql<{ regions: { code: string; name: string }[]; analysis: { generatedAt: string; departmentMap: DepartmentMap } }>(MAP, {
        region: selection.region ?? null,
        fresh: version > 0,
      }),
    [selection.region, version],
  );
  const select = (change: MapSelection) => setParams('map', { region: selection.region, ...change });
  const data = map.data?.analysis.departmentMap;
  const names = new Map((data?.nodes ?? []).map((n) => [n.id, n.name]));
  return (
    <>
      <section class="panel">
        <div class="row">
          <FilterSelect
            label="地区"
            value={selection.region}
            options={(map.data?.regions ?? []).map((r) => ({ value: r.code, text: r.name }))}
            onChange={(region) => setParams('map', { region })}
          />
          {data && (
            <span class="muted">
              {data.nodes.length < data.totalNodes ? `显示关联最多的 ${data.nodes.length} 个部门（共 ${data.totalNodes} 个）` : `${data.nodes.length} 个部门`}，
              {data.edges.length < data.totalEdges ? `${data.edges.length} 条关系（共 ${data.totalEdges} 条）` : `${data.edges.length} 条关系`}；
              <span class="bad">红线</span>为职责交叉且无边界事项；颜色为部门社区；分析于 {map.data!.analysis.generatedAt.slice(0, 16).replace('T', ' ')}
            </span>
          )}
        </div>
      </section>
      {map.error ? (
        <ErrorBox error={map.error} />
      ) : !data ? (
        <Loading />
      ) : (
        <div class="map-layout">
          <section class="panel">
            <Canvas map={data} selection={selection} onSelect={select} />
          </section>
          <section class="panel side" aria-live="polite">
            {selection.a && selection.b ? (
              <PairPanel a={selection.a} b={selection.b} version={version} canPublish={canPublish} onPublished={() => setVersion(version + 1)} />
            ) : selection.node && names.has(selection.node) ? (
              <NodePanel map={data} id={selection.node} names={names} onSelect={select} />
            ) : (
              <ContestedJoins map={data} names={names} onSelect={select} />
            )}
          </section>
        </div>
      )}
    </>
  );
}

/** The WebGL drawing; without WebGL a notice, and the tables beside it still lead to everything. */
function Canvas({ map, selection, onSelect }: { map: DepartmentMap; selection: MapSelection; onSelect: (s: MapSelection) => void }) {
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState<string>();
  useEffect(() => {
    const graph = new Graph({ type: 'undirected' });
    const most = Math.max(1, ...map.nodes.map((n) => n.findings));
    const heaviest = Math.max(1, ...map.edges.map((e) => e.weight));
    for (const n of map.nodes) {
      graph.addNode(n.id, {
        label: n.name,
        x: n.x,
        y: n.y,
        size: 4 + 10 * Math.sqrt(n.findings / most),
        color: n.community === null ? '#829ab1' : PALETTE[n.community % PALETTE.length],
      });
    }
    for (const e of map.edges) {
      graph.mergeEdge(e.a, e.b, {
        size: e.contested ? 2.5 : 0.5 + 2 * (e.weight / heaviest),
        color: e.contested ? CONTESTED : '#bcccdc',
        zIndex: e.contested ? 1 : 0,
      });
    }
    let renderer: Sigma | undefined;
    try {
      renderer = new Sigma(graph, container.current!, {
        enableEdgeEvents: true,
        zIndex: true,
        labelFont: "'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif",
        labelSize: 12,
        // Every name on a small map; on a large one only the departments drawn big enough to read.
        labelRenderedSizeThreshold: map.nodes.length <= 60 ? 0 : 7,
      });
    } catch (error) {
      setFailed(String(error));
      return;
    }
    renderer.on('clickNode', ({ node }) => onSelect({ node }));
    renderer.on('clickEdge', ({ edge }) => onSelect({ a: graph.source(edge), b: graph.target(edge) }));
    renderer.on('enterNode', () => (container.current!.style.cursor = 'pointer'));
    renderer.on('leaveNode', () => (container.current!.style.cursor = ''));
    renderer.on('enterEdge', () => (container.current!.style.cursor = 'pointer'));
    renderer.on('leaveEdge', () => (container.current!.style.cursor = ''));
    // For the browser tests: they click where sigma draws a department, as a person would.
    (container.current as unknown as { sigma?: Sigma }).sigma = renderer;
    return () => renderer!.kill();
  }, [map]);
  useEffect(() => {
    // Highlight the selection without rebuilding the drawing.
    const renderer = (container.current as unknown as { sigma?: Sigma }).sigma;
    if (!renderer) return;
    const chosen = new Set([selection.node, selection.a, selection.b].filter(Boolean));
    renderer.setSetting('nodeReducer', (node, attributes) => (chosen.has(node) ? { ...attributes, highlighted: true, forceLabel: true } : attributes));
    renderer.refresh();
  }, [map, selection.node, selection.a, selection.b]);
  if (failed) return <div class="empty">此浏览器无法绘制 WebGL 图（{failed}）；请使用右侧列表查看部门之间的关系。</div>;
  return <div class="map-canvas" ref={container} role="img" aria-label="部门职责边界图" data-nodes={map.nodes.length} />;
}

const joinColumns = (names: Map<string, string>, onSelect: (s: MapSelection) => void) => [
  {
    title: '部门甲',
    value: (e: MapJoin) => names.get(e.a) ?? e.a,
  },
  { title: '部门乙', value: (e: MapJoin) => names.get(e.b) ?? e.b },
  { title: '共有事项', value: (e: MapJoin) => e.sharedMatters, numeric: true },
  { title: '推诿', value: (e: MapJoin) => e.refusals, numeric: true },
  {
    title: '',
    value: () => '',
    render: (e: MapJoin) => (
      <button onClick={() => onSelect({ a: e.a, b: e.b })} aria-label={`查看 ${names.get(e.a)} 与 ${names.get(e.b)}`}>
        查看
      </button>
    ),
  },
];

function ContestedJoins({ map, names, onSelect }: { map: DepartmentMap; names: Map<string, string>; onSelect: (s: MapSelection) => void }) {
  const contested = map.edges.filter((e) => e.contested);
  return (
    <>
      <h2>职责交叉、尚无边界事项的部门（{contested.length}）</h2>
      <p class="muted">点击图中的部门或连线，查看其背后的事项、问题和建议。</p>
      <Table name="职责交叉的部门" rows={contested} columns={joinColumns(names, onSelect)} empty="没有职责交叉的部门" />
    </>
  );
}

function NodePanel({ map, id, names, onSelect }: { map: DepartmentMap; id: string; names: Map<string, string>; onSelect: (s: MapSelection) => void }) {
  const node = map.nodes.find((n) => n.id === id)!;
  const joins = map.edges.filter((e) => e.a === id || e.b === id).sort((p, q) => Number(q.contested) - Number(p.contested) || q.weight - p.weight);
  return (
    <>
      <h2 data-testid="selected">{node.name}</h2>
      <p>
        问题 {node.findings} 个 · <a href={href('findings', { department: id })}>查看问题</a> · <a href={href('department', { id })}>部门详情</a>
      </p>
      <Table name={`${node.name}-关系`} rows={joins} columns={joinColumns(names, onSelect)} empty="与其他部门没有关系" />
    </>
  );
}

function PairPanel(props: { a: string; b: string; version: number; canPublish: boolean; onPublished: () => void }) {
  const { data, error, loading } = useData(
    () => graphql<{ analysis: { departmentPair: Pair } }>(PAIR, { a: props.a, b: props.b, fresh: props.version > 0 }),
    [props.a, props.b, props.version],
  );
  if (error) return <ErrorBox error={error} />;
  if (loading || !data) return <Loading />;
  const p = data.analysis.departmentPair;
  return (
    <>
      <h2 data-testid="selected">
        {p.a.name} — {p.b.name}
      </h2>
      <p>
        {p.contested ? <span class="bad">职责交叉，尚无边界事项</span> : <span class="ok">无未解决的职责交叉</span>}；共有事项 {p.sharedMatters.length}
        个；共同办理诉求 {p.complaints} 件；推诿 {p.refusals} 件
      </p>
      {p.sharedMatters.length > 0 && <p class="muted">共有事项：{p.sharedMatters.map((m) => m.name).join('、')}</p>}
      <h2>建议的边界事项</h2>
      <ProposalList proposals={p.proposals} canPublish={props.canPublish} onPublished={props.onPublished} />
      <h2>问题</h2>
      <Table
        name={`${p.a.name}-${p.b.name}-问题`}
        rows={p.findings}
        empty="没有同时涉及两个部门的问题"
        columns={[
          { title: '问题', value: (f) => findingLabel(f.kind) },
          { title: '事项', value: (f) => f.matter?.name ?? '' },
          { title: '诉求', value: (f) => f.complaints, numeric: true },
          { title: '依据', value: (f) => f.evidence.map((e) => `${e.id} ${e.text}`).join('；'), render: (f) => <EvidenceList evidence={f.evidence} /> },
        ]}
      />
    </>
  );
}
