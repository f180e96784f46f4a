"""The 行政执法 paragraph of part 1 of the annual report, every figure a linked token."""

from __future__ import annotations

from fazhi.indicators.scope import Scope
from fazhi.indicators.sections import register_section, token

E = "enforcement."


def build_part1(scope: Scope) -> list[str]:
    def t(name: str) -> str:
        return token(E + name)

    return [
        f"全面落实行政执法持证上岗和资格管理制度，持有行政执法证人员{t('certificate_holders')}、"
        f"行政执法监督证人员{t('supervision_certificate_holders')}，执法证年审通过"
        f"{t('certificates_passed_review')}，注销执法证{t('certificates_revoked')}，"
        f"执法人员参加培训考试{t('officers_trained')}。下放乡镇（街道）行政执法事项"
        f"{t('powers_delegated_to_townships')}。全年作出行政处罚{t('penalty_cases')}，罚没金额"
        f"{t('penalty_amount')}；作出重大执法决定{t('major_decisions')}，法制审核"
        f"{t('major_decisions_legally_reviewed')}，审核率{t('major_decision_legal_review_rate')}。"
        f"组织行政执法案卷评查，评查{t('case_file_review_units')}单位案卷{t('case_files_reviewed')}，"
        f"发现问题{t('case_file_issues_found')}。"
    ]


register_section(
    ledger="enforcement", part=1, order=55, title="推进严格规范公正文明执法", build=build_part1
)
