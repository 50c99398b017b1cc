import { EFFECT_FIELDS, asRecord } from '../../../domain/authoring/form-fields.ts';
import type { DocPath } from '../../../domain/authoring/scenario-edit.ts';
import { Fields } from './Field.tsx';
import { Group } from './parts.tsx';

/** What a decision or an ending costs: minutes, sentiment and dollars, each 0 when left empty. */
export function EffectFields({ path, effect, legend = 'Effect' }: { path: DocPath; effect: unknown; legend?: string }) {
  return (
    <Group legend={legend} path={path} shown={EFFECT_FIELDS.map((spec) => spec.key)} className="form-effect">
      <div className="form-columns">
        <Fields specs={EFFECT_FIELDS} path={path} record={asRecord(effect)} />
      </div>
    </Group>
  );
}
