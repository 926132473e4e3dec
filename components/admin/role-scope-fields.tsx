import type { UseFormRegisterReturn } from "react-hook-form";
import { controlA11y, Field, Options } from "@/components/ui/field";
import type { Role } from "@/generated/prisma/enums";
import { ROLE_LABELS, ROLE_SCOPE, ROLES_WITH_FUNCTION } from "@/lib/auth/permissions";
import { ScopeSelect } from "./scope-select";

type Option = { id: string; name: string };
const ROLE_OPTIONS = Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }));

/** What a role may be granted on: the places, and the contributor functions (value → French label). */
export type RoleScopeChoices = Readonly<{
  establishments: Option[];
  ghts: Option[];
  regions: Option[];
  functions: { value: string; label: string }[];
}>;

/** The place control of each scope ROLE_SCOPE names: its label, its empty choice, and where its options are. */
const PLACES = {
  establishmentId: { label: "Établissement", placeholder: "Choisir l'établissement…", choices: "establishments" },
  ghtId: { label: "GHT", placeholder: "Choisir le GHT…", choices: "ghts" },
  regionId: { label: "Région", placeholder: "Choisir la région…", choices: "regions" },
} as const;

export type RoleScopeField = "role" | "function" | "establishmentId" | "ghtId" | "regionId";

type Props = Readonly<{
  /** The role chosen so far (watched by the form): it decides which controls show. */
  role: Role;
  choices: RoleScopeChoices;
  register: (name: RoleScopeField) => UseFormRegisterReturn;
  error: (name: RoleScopeField) => string | undefined;
  /** "Fonction" where nothing else on the form is called so. */
  functionLabel: string;
}>;

/**
 * A grid of the role select, then only the controls that role needs: its contributor function and the one
 * place ROLE_SCOPE names (none for the admin). The form registers with shouldUnregister, so a
 * hidden control leaves the payload and it carries only what ZMembershipInput demands.
 */
export function RoleScopeFields({ role, choices, register, error, functionLabel }: Props) {
  const scope = ROLE_SCOPE[role];
  return (
    <div className="form-grid">
      <Field id="role" label="Rôle" error={error("role")}>
        <select className="select" {...controlA11y("role", error("role"))} {...register("role")}>
          <Options options={ROLE_OPTIONS} />
        </select>
      </Field>
      {ROLES_WITH_FUNCTION.includes(role) ? (
        <FunctionSelect
          label={functionLabel}
          functions={choices.functions}
          error={error("function")}
          register={register("function")}
        />
      ) : null}
      {scope ? (
        <ScopeSelect
          key={scope}
          id={scope}
          label={PLACES[scope].label}
          placeholder={PLACES[scope].placeholder}
          error={error(scope)}
          register={register(scope)}
          options={choices[PLACES[scope].choices]}
        />
      ) : null}
    </div>
  );
}

/** The contributor's function (DSI, RSSI, DPO…): also the one choice of a director's contributor invitation. */
export function FunctionSelect({
  label,
  placeholder = "Choisir la fonction…",
  functions,
  error,
  register,
}: Readonly<{
  label: string;
  placeholder?: string;
  functions: { value: string; label: string }[];
  error?: string;
  register: UseFormRegisterReturn;
}>) {
  return (
    <ScopeSelect
      id="function"
      label={label}
      placeholder={placeholder}
      error={error}
      register={register}
      options={functions.map((f) => ({ id: f.value, name: f.label }))}
    />
  );
}
