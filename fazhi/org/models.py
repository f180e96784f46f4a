"""行政区划 tree, departments and users with one role each.

Visibility is decided in one place, `ScopedQuerySet.visible_to`, which every ledger model's
manager inherits. A ledger model names the fields that place a row: `scope_jurisdiction`
(a path to a Jurisdiction FK) and `scope_departments` (paths to Department FKs whose staff
may see the row, e.g. the handling office and the respondent department).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser


class Level(models.TextChoices):
    PROVINCE = "province", "省级"
    CITY = "city", "市级"
    COUNTY = "county", "县级"
    TOWNSHIP = "township", "乡镇（街道）"


LEVEL_ORDER = [Level.PROVINCE, Level.CITY, Level.COUNTY, Level.TOWNSHIP]


class Jurisdiction(models.Model):
    """A node of the 行政区划 tree. `path` is the codes from the root, for subtree queries."""

    code = models.CharField("区划代码", max_length=12, unique=True)
    name = models.CharField("名称", max_length=50)
    level = models.CharField("层级", max_length=10, choices=Level)
    parent = models.ForeignKey(
        "self",
        verbose_name="上级区划",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField("路径", max_length=200, editable=False, db_index=True)
    government_name = models.CharField("人民政府名称", max_length=60, blank=True)
    doc_prefix = models.CharField(
        "发文字号简称", max_length=10, blank=True, help_text="如“示政复”中的“示”"
    )

    class Meta:
        verbose_name = "行政区划"
        verbose_name_plural = "行政区划"
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.parent is not None:
            if LEVEL_ORDER.index(Level(self.level)) <= LEVEL_ORDER.index(Level(self.parent.level)):
                raise ValidationError({"level": "下级区划的层级必须低于上级区划"})

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.path = (self.parent.path + "/" if self.parent else "/") + self.code
        if not self.government_name:
            self.government_name = f"{self.name}人民政府"
        super().save(*args, **kwargs)

    def subtree(self) -> models.QuerySet[Jurisdiction]:
        """This jurisdiction and everything below it."""
        return Jurisdiction.objects.filter(Q(pk=self.pk) | Q(path__startswith=self.path + "/"))

    def ancestors(self) -> list[Jurisdiction]:
        out: list[Jurisdiction] = []
        node = self.parent
        while node is not None:
            out.append(node)
            node = node.parent
        return out


class Department(models.Model):
    jurisdiction = models.ForeignKey(
        Jurisdiction, verbose_name="所属区划", on_delete=models.PROTECT, related_name="departments"
    )
    name = models.CharField("部门名称", max_length=80)
    short_name = models.CharField("简称", max_length=30, blank=True)
    is_legal_office = models.BooleanField("是否司法行政部门（法治办）", default=False)

    class Meta:
        verbose_name = "部门"
        verbose_name_plural = "部门"
        ordering = ["jurisdiction__code", "name"]
        constraints = [
            models.UniqueConstraint(fields=["jurisdiction", "name"], name="department_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    ADMIN = "admin", "系统管理员"
    COORDINATOR = "coordinator", "法治办/司法局统筹人员"
    LEGAL_OFFICER = "legal_officer", "部门法制员"
    CLERK = "clerk", "部门录入员"
    LEADER = "leader", "领导"
    SUPERIOR_VIEWER = "superior_viewer", "上级查看"


class User(AbstractUser):
    """A person who signs in. Every user belongs to one jurisdiction and, below the
    coordinating level, to one department."""

    full_name = models.CharField("姓名", max_length=30, blank=True)
    role = models.CharField("角色", max_length=20, choices=Role, default=Role.CLERK)
    jurisdiction = models.ForeignKey(
        Jurisdiction,
        verbose_name="所属区划",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )
    department = models.ForeignKey(
        Department,
        verbose_name="所属部门",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )
    title = models.CharField("职务", max_length=40, blank=True)

    objects: ClassVar[UserManager[User]] = UserManager()  # type: ignore[assignment]

    class Meta:
        verbose_name = "用户"
        verbose_name_plural = "用户"

    def __str__(self) -> str:
        return self.full_name or self.username

    def clean(self) -> None:
        super().clean()
        dept = self.department if self.department_id else None
        if (
            dept is not None
            and self.jurisdiction_id
            and dept.jurisdiction_id != self.jurisdiction_id
        ):
            raise ValidationError({"department": "所属部门不在所属区划内"})
        if self.role in (Role.LEGAL_OFFICER, Role.CLERK) and not self.department_id:
            raise ValidationError({"department": "部门法制员和录入员必须指定所属部门"})
        if self.role != Role.ADMIN and not self.is_superuser and not self.jurisdiction_id:
            raise ValidationError({"jurisdiction": "请指定所属区划"})


class ScopedQuerySet(models.QuerySet):  # type: ignore[type-arg]
    """Base queryset of every ledger model: `visible_to(user)` is the only visibility rule."""

    def visible_to(self, user: User | AnonymousUser) -> ScopedQuerySet:
        if not user.is_authenticated:
            return self.none()
        assert isinstance(user, User)
        if user.is_superuser or user.role == Role.ADMIN:
            return self
        model = self.model
        jur_field: str = getattr(model, "scope_jurisdiction", "jurisdiction")
        dept_fields: tuple[str, ...] = getattr(model, "scope_departments", ("department",))
        if user.jurisdiction_id is None:
            return self.none()
        if user.role in (Role.COORDINATOR, Role.LEADER):
            return self.filter(**{f"{jur_field}_id": user.jurisdiction_id})
        if user.role == Role.SUPERIOR_VIEWER:
            jur = user.jurisdiction
            assert jur is not None
            return self.filter(
                Q(**{f"{jur_field}_id": jur.pk})
                | Q(**{f"{jur_field}__path__startswith": jur.path + "/"})
            )
        if user.department_id is None:
            return self.none()
        q = Q()
        for field in dept_fields:
            q |= Q(**{f"{field}_id": user.department_id})
        return self.filter(q)


class ScopedManager(models.Manager.from_queryset(ScopedQuerySet)):  # type: ignore[misc]
    pass
