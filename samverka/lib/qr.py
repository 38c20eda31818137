"""QR codes as inline SVG (no image files, no third party)."""

import qrcode
import qrcode.image.svg
from django.utils.safestring import SafeString, mark_safe


def qr_svg(data: str, *, box_size: int = 10) -> SafeString:
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=box_size)
    return mark_safe(image.to_string(encoding="unicode"))
