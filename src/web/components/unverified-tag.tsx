import { Popover, Tag, Typography } from 'antd';
import { unverifiedRule } from '../../rules/unverified.ts';

/**
 * Marks a result (a verdict, a pre-filled candidate, an amount) that an unverified rule decided:
 * the officer sees which rule, the default applied and the text that would settle it, and knows to
 * check before signing. Renders nothing when every rule behind the result is verified.
 */
export function UnverifiedTag({ citations }: { citations: readonly string[] }) {
  const unique = [...new Set(citations)];
  if (unique.length === 0) return null;
  const rules = unique.map(unverifiedRule);
  return (
    <Popover
      trigger={['hover', 'click']}
      title="Quy định chưa kiểm chứng"
      content={
        <div style={{ maxWidth: 'min(360px, 80vw)' }} data-testid="unverified-popover">
          {rules.map((r) => (
            <div key={r.citation} style={{ marginBottom: 8 }}>
              <Typography.Text strong>{r.citation}</Typography.Text>
              <div>Đang áp dụng mặc định: {r.rule}.</div>
              <Typography.Text type="secondary">Cần đối chiếu: {r.settle}.</Typography.Text>
            </div>
          ))}
        </div>
      }
    >
      <Tag
        color="warning"
        data-testid="unverified-tag"
        tabIndex={0}
        role="button"
        aria-label={`Chưa kiểm chứng: ${rules.map((r) => r.citation).join('; ')}`}
        style={{ cursor: 'help', marginInlineStart: 4 }}
      >
        Chưa kiểm chứng
      </Tag>
    </Popover>
  );
}
