package org.eseal.core;

/** What a seal is for. The kind decides the seal's shape and the words printed along its bottom. */
public enum SealKind {
  /** 公章: the company's official seal; round. */
  OFFICIAL("公章", SealShape.ROUND),
  /** 合同专用章: the contract seal; round. */
  CONTRACT("合同专用章", SealShape.ROUND),
  /** 财务专用章: the finance seal; oval. */
  FINANCE("财务专用章", SealShape.OVAL),
  /** 发票专用章: the invoice seal; oval. */
  INVOICE("发票专用章", SealShape.OVAL),
  /** 法定代表人名章: the legal representative's name seal; square. */
  LEGAL_REPRESENTATIVE("法定代表人名章", SealShape.SQUARE),
  /** 个人签名: a person's signature seal; square. */
  PERSONAL_SIGNATURE("个人签名", SealShape.SQUARE);

  private final String label;
  private final SealShape shape;

  SealKind(String label, SealShape shape) {
    this.label = label;
    this.shape = shape;
  }

  /** The Chinese name of the kind, as printed on the seal where the shape has room for it. */
  public String label() {
    return label;
  }

  /** The outline this kind is drawn with. */
  public SealShape shape() {
    return shape;
  }
}
