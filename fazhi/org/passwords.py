"""Django's four password validators with our own Chinese messages: Django's zh-hans catalog
leaves the length message in English and words the others awkwardly ("密码跟 用户名 太相似了")."""

from __future__ import annotations

from django.contrib.auth import password_validation as pv


class MinimumLength(pv.MinimumLengthValidator):
    def get_error_message(self) -> str:
        return f"密码太短：至少需要{self.min_length}个字符"

    def get_help_text(self) -> str:
        return f"密码至少需要{self.min_length}个字符"


class NotLikePersonalInformation(pv.UserAttributeSimilarityValidator):
    def get_error_message(self) -> str:
        return "密码与您的%(verbose_name)s太相似，请换一个"

    def get_help_text(self) -> str:
        return "密码不能与用户名、姓名等个人信息相似"


class NotCommon(pv.CommonPasswordValidator):
    def get_error_message(self) -> str:
        return "这个密码太常见，容易被猜中，请换一个"

    def get_help_text(self) -> str:
        return "不能使用常见密码"


class NotNumeric(pv.NumericPasswordValidator):
    def get_error_message(self) -> str:
        return "密码不能全是数字"

    def get_help_text(self) -> str:
        return "密码不能全是数字"
