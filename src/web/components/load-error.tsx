import { Alert } from 'antd';

/**
 * What a page shows when its data could not be loaded: the title names what was being loaded
 * ("Không tải được quỹ."), the server's Vietnamese message, when there is one, says why.
 */
export function LoadError({ title, error }: { title: string; error?: Error | null }) {
  return <Alert type="error" showIcon title={title} description={error?.message} />;
}
