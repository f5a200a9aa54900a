import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, Button, Card, ConfigProvider, Form, Input, Typography } from 'antd';
import viVN from 'antd/locale/vi_VN';

function SignIn() {
  const [error, setError] = useState<string>();
  const onFinish = async (values: { username: string; password: string }) => {
    const res = await fetch('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(values),
    });
    const body = (await res.json()) as { message?: string };
    setError(res.ok ? undefined : (body.message ?? 'Đăng nhập không thành công.'));
  };
  return (
    <Card title="Đăng nhập hệ thống TĐKT" style={{ maxWidth: 400, margin: '10vh auto' }}>
      <Form layout="vertical" onFinish={onFinish}>
        <Form.Item label="Tên đăng nhập" name="username" rules={[{ required: true, message: 'Vui lòng nhập tên đăng nhập' }]}>
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item label="Mật khẩu" name="password" rules={[{ required: true, message: 'Vui lòng nhập mật khẩu' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
        <Button type="primary" htmlType="submit" block>
          Đăng nhập
        </Button>
      </Form>
    </Card>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <ConfigProvider locale={viVN}>
      <AntApp>
        <SignIn />
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
