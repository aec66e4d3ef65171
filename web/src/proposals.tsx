import { useState } from 'preact/hooks';
import { graphql, type ApiError } from './api.js';
import { ErrorBox, EvidenceList } from './ui.js';

/** Proposed boundary items with their evidence; an editor publishes one with a click (the API checks the role again). */

export interface ProposalView {
  id: string;
  title: string;
  text: string;
  confidence: number;
  lead: { id: string; name: string };
  cooperating: { id: string; name: string }[];
  evidence: { kind: string; id: string; text: string }[];
}

/** The fields a ProposalList shows, for queries to select. */
export const PROPOSAL_FIELDS = 'id title text confidence lead { id name } cooperating { id name } evidence { kind id text }';

const PUBLISH = `mutation Publish($id: ID!) { publishProposal(id: $id) { id status } }`;

/** The editor's button that publishes one proposal; errors are shown beside it. */
export function PublishButton({ id, onPublished }: { id: string; onPublished: (boundaryItem: string) => void }) {
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const publish = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const { publishProposal } = await graphql<{ publishProposal: { id: string } }>(PUBLISH, { id });
      onPublished(publishProposal.id);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button class="primary" disabled={busy} onClick={publish}>
        发布为边界事项
      </button>
      {error && <ErrorBox error={error} />}
    </>
  );
}

export function ProposalList(props: { proposals: ProposalView[]; canPublish: boolean; onPublished: (boundaryItem: string) => void }) {
  if (props.proposals.length === 0) return <div class="empty">没有建议的边界事项</div>;
  return (
    <>
      {props.proposals.map((p) => (
        <div class="proposal">
          <div class="row">
            <strong>{p.title}</strong>
            <span class="muted">把握 {(p.confidence * 100).toFixed(0)}%</span>
            {props.canPublish && <PublishButton id={p.id} onPublished={props.onPublished} />}
          </div>
          <p>
            牵头：{p.lead.name}
            {p.cooperating.length > 0 && `；配合：${p.cooperating.map((d) => d.name).join('、')}`}
          </p>
          <p class="muted">{p.text}</p>
          <EvidenceList evidence={p.evidence} />
        </div>
      ))}
    </>
  );
}
