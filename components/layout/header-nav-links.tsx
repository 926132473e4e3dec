"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type NavItem = { href: string; label: string };

/** The header's links; the one for the current section says so (aria-current, underlined). */
export function HeaderNavLinks({ items }: Readonly<{ items: NavItem[] }>) {
  const pathname = usePathname();
  const current = (href: string) => pathname === href || (href !== "/" && pathname.startsWith(`${href}/`));
  return items.map((item) => (
    <Link key={item.href} href={item.href} aria-current={current(item.href) ? "page" : undefined}>
      {item.label}
    </Link>
  ));
}
