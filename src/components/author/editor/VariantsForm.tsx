import { VARIANT_FIELDS, asList, asRecord, idsOf, newVariant } from '../../../domain/authoring/form-fields.ts';
import { Fields } from './Field.tsx';
import { EditButton, Fold, Group } from './parts.tsx';
import { ValuesForm } from './ValuesForm.tsx';

const KEYS = [...VARIANT_FIELDS.map((spec) => spec.key), 'values'];
const OVERLAY_PARTS: Record<string, string> = { setting: 'the setting', case: 'the case file', steps: 'steps', endings: 'endings' };

/** What a variant's overlay changes, in words: "the case file, steps fix and recheck". */
function overlaySummary(variant: Record<string, unknown>): string[] {
  return Object.keys(variant)
    .filter((key) => !KEYS.includes(key))
    .map((key) => {
      const names = key === 'steps' || key === 'endings' ? Object.keys(asRecord(variant[key])) : [];
      return names.length ? `${OVERLAY_PARTS[key]} ${names.join(', ')}` : (OVERLAY_PARTS[key] ?? key);
    });
}

/** The variants: one story played with several sets of facts. Their overlays are edited in the Source view. */
export function VariantsForm({ data }: { data: Record<string, unknown> }) {
  const variants = asList(data.variants).map(asRecord);
  return (
    <Group legend="Variants" path={['variants']} shown={variants.map((_, index) => String(index))} className="plain">
      <p className="small muted">{variants.length ? 'Only the variants are played, never the bare base.' : 'No variants: the scenario plays as written.'}</p>
      {variants.map((variant, index) => {
        const path = ['variants', index];
        const name = `Variant ${index + 1}${variant.id ? `: ${String(variant.id)}` : ''}`;
        const overlay = overlaySummary(variant);
        return (
          <Fold key={index} summary={name} path={path}>
            <Group legend={name} path={path} shown={KEYS} className="plain">
              <Fields specs={VARIANT_FIELDS} path={path} record={variant} />
              <ValuesForm path={[...path, 'values']} values={variant.values} legend="This variant’s values (over the base values)" />
              {overlay.length ? (
                <p className="small muted">
                  This variant also changes {overlay.join('; ')}. Edit those changes in the Source view; the form leaves them as written.
                </p>
              ) : null}
              <EditButton edit={{ kind: 'remove', path }} focus={['variants', ':add']} label={`Remove ${name}`}>
                Remove variant
              </EditButton>
            </Group>
          </Fold>
        );
      })}
      <EditButton
        edit={{ kind: 'append', path: ['variants'], value: newVariant(idsOf(data.variants)) }}
        focus={['variants', variants.length, 'id']}
        at={['variants', ':add']}
        primary
      >
        Add a variant
      </EditButton>
    </Group>
  );
}
