import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, Flex, Form, Image, Input, List, Typography } from 'antd';
import { LockOutlined, SafetyOutlined, TrophyOutlined, UserOutlined } from '@ant-design/icons';
import { z } from 'zod';
import { Ok } from '../../contracts/common.ts';
import { apiSend } from '../lib/api.ts';
import { errorText } from './feedback.ts';
import { needsSecondFactor, useSession, useSessionActions } from './session.ts';

type Credentials = { username: string; password: string };
type Step = 'password' | 'totp' | 'recovery' | 'enrol' | 'recovery-codes';

const Enrolment = z.object({ secret: z.string(), otpauthUri: z.string(), qrDataUrl: z.string() });
const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
const RecoveryLeft = z.object({ recoveryCodesLeft: z.number() });

/** Only paths of this site: never send the user to another origin after sign-in. */
function safeTarget(from: string | null): string {
  return from && from.startsWith('/') && !from.startsWith('//') ? from : '/';
}

function Shell({ title, subtitle, children }: { title: string; subtitle: string; children: ReactNode }) {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <Card style={{ width: 420 }}>
        <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
          <TrophyOutlined style={{ fontSize: 40, color: '#c41d1d' }} />
          <Typography.Title level={3} style={{ margin: 0, textAlign: 'center' }}>
            {title}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ textAlign: 'center' }}>
            {subtitle}
          </Typography.Text>
        </Flex>
        {children}
      </Card>
    </Flex>
  );
}

const CODE_RULES = [
  { required: true, message: 'Vui lòng nhập mã xác thực' },
  { pattern: /^\s*\d{6}\s*$/, message: 'Mã xác thực gồm 6 chữ số' },
];

/**
 * Sign-in: the password, then, for roles that need it, the second factor (a TOTP code, a recovery
 * code, or enrolling an authenticator app on first sign-in). Errors are the server's sentences.
 */
export function SignInPage() {
  const session = useSession();
  const actions = useSessionActions();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [step, setStep] = useState<Step>('password');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [enrolment, setEnrolment] = useState<z.infer<typeof Enrolment>>();
  const [recoveryCodes, setRecoveryCodes] = useState<string[]>([]);
  const target = safeTarget(params.get('from'));

  useEffect(() => {
    document.title = 'Đăng nhập — TĐKT';
  }, []);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (e) {
      // The server's own sentence: wrong password, account locked for 15 minutes, wrong code…
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const startEnrolment = async () => {
    setEnrolment(await apiSend('POST', '/api/v1/auth/totp/enrol', Enrolment));
    setStep('enrol');
  };

  const afterPassword = async (state: 'none' | 'required' | 'enrolment_required') => {
    if (state === 'required') setStep('totp');
    else if (state === 'enrolment_required') await startEnrolment();
    else navigate(target, { replace: true });
  };

  // Came back with a password-only session (a reload, a guarded link): continue at the second step.
  // Once per page: the password form, when submitted, decides the next step itself.
  const decided = useRef(false);
  const halfSignedIn = !!session.data && needsSecondFactor(session.data);
  useEffect(() => {
    if (halfSignedIn && !decided.current) {
      decided.current = true;
      void run(async () => afterPassword(await actions.pendingSecondFactor()));
    }
  });

  if (session.data && !needsSecondFactor(session.data) && step !== 'recovery-codes') {
    return <Navigate to={target} replace />;
  }

  const errorBox = error && (
    <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />
  );
  const cancel = (
    <Button
      type="link"
      block
      onClick={() =>
        void run(async () => {
          await actions.signOut();
          decided.current = false;
          setStep('password');
        })
      }
    >
      Đăng nhập bằng tài khoản khác
    </Button>
  );

  if (step === 'totp' || step === 'recovery') {
    const recovery = step === 'recovery';
    return (
      <Shell
        title="Xác thực hai lớp"
        subtitle={
          recovery
            ? 'Nhập một mã khôi phục chưa dùng (mỗi mã chỉ dùng được một lần).'
            : 'Nhập mã 6 chữ số đang hiện trong ứng dụng xác thực trên điện thoại của bạn.'
        }
      >
        <Form<{ code: string }>
          key={step}
          layout="vertical"
          requiredMark={false}
          onFinish={(v) =>
            void run(async () => {
              if (recovery)
                await apiSend('POST', '/api/v1/auth/recovery', RecoveryLeft, { code: v.code.trim() });
              else await apiSend('POST', '/api/v1/auth/totp/verify', Ok, { code: v.code.trim() });
              await actions.reload();
              navigate(target, { replace: true });
            })
          }
        >
          <Form.Item
            label={recovery ? 'Mã khôi phục' : 'Mã xác thực'}
            name="code"
            rules={recovery ? [{ required: true, message: 'Vui lòng nhập mã khôi phục' }] : CODE_RULES}
          >
            <Input
              prefix={<SafetyOutlined />}
              autoComplete="one-time-code"
              inputMode={recovery ? 'text' : 'numeric'}
              autoFocus
            />
          </Form.Item>
          {errorBox}
          <Button type="primary" htmlType="submit" block loading={busy}>
            Xác nhận
          </Button>
          <Button type="link" block onClick={() => setStep(recovery ? 'totp' : 'recovery')}>
            {recovery ? 'Dùng mã từ ứng dụng xác thực' : 'Không có điện thoại? Dùng mã khôi phục'}
          </Button>
          {cancel}
        </Form>
      </Shell>
    );
  }

  if (step === 'enrol' && enrolment) {
    return (
      <Shell
        title="Thiết lập xác thực hai lớp"
        subtitle="Vai trò của bạn bắt buộc xác thực hai lớp. Quét mã QR bằng ứng dụng xác thực (Google Authenticator, Microsoft Authenticator…), rồi nhập mã 6 chữ số."
      >
        <Flex vertical align="center" gap={8} style={{ marginBottom: 16 }}>
          <Image
            src={enrolment.qrDataUrl}
            alt="Mã QR để thêm tài khoản vào ứng dụng xác thực"
            width={180}
            preview={false}
          />
          <Typography.Text type="secondary">Hoặc nhập khóa thủ công:</Typography.Text>
          <Typography.Text code copyable>
            {enrolment.secret}
          </Typography.Text>
          {/* On the phone itself a QR code cannot be scanned: the otpauth link opens the app. */}
          <Typography.Link href={enrolment.otpauthUri}>
            Mở bằng ứng dụng xác thực trên máy này
          </Typography.Link>
        </Flex>
        <Form<{ code: string }>
          layout="vertical"
          requiredMark={false}
          onFinish={(v) =>
            void run(async () => {
              const answer = await apiSend('POST', '/api/v1/auth/totp/confirm', RecoveryCodes, {
                code: v.code.trim(),
              });
              setRecoveryCodes(answer.recoveryCodes);
              setStep('recovery-codes');
              await actions.reload();
            })
          }
        >
          <Form.Item label="Mã xác thực" name="code" rules={CODE_RULES}>
            <Input prefix={<SafetyOutlined />} autoComplete="one-time-code" inputMode="numeric" autoFocus />
          </Form.Item>
          {errorBox}
          <Button type="primary" htmlType="submit" block loading={busy}>
            Kích hoạt
          </Button>
          {cancel}
        </Form>
      </Shell>
    );
  }

  if (step === 'recovery-codes') {
    return (
      <Shell
        title="Lưu mã khôi phục"
        subtitle="Khi mất điện thoại, mỗi mã dưới đây cho phép đăng nhập một lần. Hãy in hoặc chép ra nơi an toàn; hệ thống sẽ không hiện lại các mã này."
      >
        <List
          size="small"
          bordered
          dataSource={recoveryCodes}
          renderItem={(c) => (
            <List.Item>
              <Typography.Text code>{c}</Typography.Text>
            </List.Item>
          )}
          style={{ marginBottom: 16 }}
        />
        <Button type="primary" block onClick={() => navigate(target, { replace: true })}>
          Tôi đã lưu các mã này, tiếp tục
        </Button>
      </Shell>
    );
  }

  return (
    <Shell title="Đăng nhập hệ thống TĐKT" subtitle="Quản lý thi đua, khen thưởng">
      <Form<Credentials>
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => {
          decided.current = true;
          void run(async () => afterPassword(await actions.signIn(v.username, v.password)));
        }}
      >
        <Form.Item
          label="Tên đăng nhập"
          name="username"
          rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tên đăng nhập' }]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item
          label="Mật khẩu"
          name="password"
          rules={[{ required: true, message: 'Vui lòng nhập mật khẩu' }]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        {errorBox}
        <Button type="primary" htmlType="submit" block loading={busy}>
          Đăng nhập
        </Button>
      </Form>
    </Shell>
  );
}
