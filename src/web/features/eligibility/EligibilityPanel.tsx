/**
 * The verdict of every title and form for one nominee (a person or a collective) and a year, with
 * the explanation of each condition (facts met or failed, the article cited) and the rule-set
 * version used. Reused by proposals (H2): <EligibilityPanel personId={…} year={2025} codes={['CSTDCS']} />.
 */
import { CheckCircleTwoTone, CloseCircleTwoTone, QuestionCircleTwoTone } from '@ant-design/icons';
import { Collapse, Empty, List, Skeleton, Space, Switch, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { viHistory } from '../../i18n/history';
import { useEligibility, type VerdictT } from './api';

const t = viHistory.eligibility;

export const STATUS_COLORS: Record<string, string> = {
  eligible: 'green',
  not_eligible: 'red',
  missing_data: 'gold',
};

function MetIcon({ met }: { met: boolean | null }) {
  if (met === true) return <CheckCircleTwoTone twoToneColor="#389e0d" aria-label={t.met} />;
  if (met === false) return <CloseCircleTwoTone twoToneColor="#cf1322" aria-label={t.failed} />;
  return <QuestionCircleTwoTone twoToneColor="#d48806" aria-label={t.unknown} />;
}

export function VerdictExplanation({ verdict }: { verdict: VerdictT }) {
  return (
    <div>
      <Typography.Paragraph style={{ marginBottom: 8 }}>{verdict.summary}</Typography.Paragraph>
      <List
        size="small"
        dataSource={verdict.conditions}
        renderItem={(c) => (
          <List.Item style={{ paddingInlineStart: 8 + c.depth * 24, display: 'block' }}>
            <Space align="start">
              <MetIcon met={c.met} />
              <div>
                <Typography.Text strong={c.depth === 0}>{c.description}</Typography.Text>
                {c.unconfirmed && (
                  <Tooltip title={viHistory.common.unconfirmedHint}>
                    <Tag color="orange" style={{ marginInlineStart: 8 }}>
                      {viHistory.common.unconfirmed}
                    </Tag>
                  </Tooltip>
                )}
                {c.facts.map((f) => (
                  <div key={f}>
                    <Typography.Text type="secondary">{f}</Typography.Text>
                  </div>
                ))}
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {viHistory.common.citation}: {c.citation}
                  </Typography.Text>
                </div>
              </div>
            </Space>
          </List.Item>
        )}
      />
      {verdict.judgementCriteria.length > 0 && (
        <div style={{ marginTop: 8 }}>
          <Typography.Text strong>{t.judgement}:</Typography.Text>
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            {verdict.judgementCriteria.map((j) => (
              <li key={j.id}>{j.description}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

export interface EligibilityPanelProps {
  personId?: string;
  orgId?: string;
  year: number;
  /** only these award codes (e.g. the one a proposal asks for) */
  codes?: string[];
}

export function EligibilityPanel({ personId, orgId, year, codes }: EligibilityPanelProps) {
  const q = useEligibility({ ...(personId ? { personId } : {}), ...(orgId ? { orgId } : {}) }, year, codes);
  const [all, setAll] = useState(false);
  if (q.isLoading) return <Skeleton active />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const data = q.data;
  if (!data) return null;
  const shown = all || codes ? data.verdicts : data.verdicts.filter((v) => v.status !== 'not_eligible');
  return (
    <div>
      <Space wrap style={{ marginBottom: 8, justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary">{t.ruleSet(data.ruleSetVersion)}</Typography.Text>
        {!codes && (
          <Space>
            <Switch size="small" checked={all} onChange={setAll} aria-label={t.showAll} />
            <Typography.Text>{t.showAll}</Typography.Text>
          </Space>
        )}
      </Space>
      {shown.length === 0 ? (
        <Empty description={t.STATUS.not_eligible} />
      ) : (
        <Collapse
          defaultActiveKey={codes ? shown.map((v) => v.code) : []}
          items={shown.map((v) => ({
            key: v.code,
            label: (
              <Space wrap>
                <Typography.Text strong>{v.name}</Typography.Text>
                <Tag color={STATUS_COLORS[v.status]}>{t.STATUS[v.status]}</Tag>
                {v.unconfirmed && <Tag color="orange">{viHistory.common.unconfirmed}</Tag>}
              </Space>
            ),
            children: <VerdictExplanation verdict={v} />,
          }))}
        />
      )}
    </div>
  );
}
