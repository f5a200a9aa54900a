import { createBrowserRouter } from 'react-router';
import { HomeRedirect, NotFoundPage, PageGuard, RequireSession } from './app-layout.tsx';
import { PAGES } from './routes.tsx';
import { SignInPage } from './sign-in-page.tsx';

export function createRouter() {
  return createBrowserRouter([
    { path: '/sign-in', element: <SignInPage /> },
    {
      path: '/',
      element: <RequireSession />,
      children: [
        { index: true, element: <HomeRedirect /> },
        ...PAGES.map((page) => ({ path: page.path, element: <PageGuard page={page} /> })),
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
